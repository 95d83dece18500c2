package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    static final String REALISTIC = """
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
                  api_key: os.environ/OPENAI_KEY_EAST
                  rpm: 500
                  tpm: 90000
                  timeout: 30
                  stream_timeout: 12.5
                  max_retries: 2
                  weight: 2
                  organization: org-123
                  temperature: 0.2
                model_info:
                  id: gpt4o-east
                  input_cost_per_token: 0.0000025
                  output_cost_per_token: "1e-5"
                  max_input_tokens: 128000
                  max_output_tokens: 16384
                  mode: chat
              - model_name: gpt-4o
                litellm_params:
                  model: openrouter/openai/gpt-4o
                  api_key: os.environ/OPENROUTER_KEY
                  extra_headers:
                    HTTP-Referer: https://example.com
                    X-Title: os.environ/APP_TITLE
              - model_name: claude-sonnet
                litellm_params:
                  model: anthropic/claude-3-5-sonnet-20241022
                  max_tokens: 4096
              - model_name: llama-70b
                litellm_params:
                  model: together_ai/meta-llama/Llama-3-70b-chat-hf
                  input_cost_per_token: 9e-7
                  output_cost_per_token: 9e-7
              - model_name: local-qwen
                litellm_params:
                  model: hosted_vllm/Qwen/Qwen2.5-7B-Instruct
                  api_base: os.environ/VLLM_BASE
            router_settings:
              routing_strategy: usage-based-routing-v2
              num_retries: 3
              timeout: 45
              allowed_fails: 2
              redis_host: os.environ/REDIS_HOST
            litellm_settings:
              drop_params: true
              success_callback: ["langfuse"]
            general_settings:
              master_key: os.environ/PROXY_MASTER_KEY
              max_request_body_size_mb: 2.5
            environment_variables:
              REDIS_HOST: redis.internal
            """;

    static final Map<String, String> ENV = Map.of(
            "OPENAI_KEY_EAST", "sk-east-secret",
            "OPENROUTER_KEY", "sk-or-secret",
            "ANTHROPIC_API_KEY", "sk-ant-secret",
            "TOGETHERAI_API_KEY", "tg-secret",
            "VLLM_BASE", "http://vllm.internal:8000/v1/",
            "PROXY_MASTER_KEY", "sk-master-secret",
            "APP_TITLE", "Tollgate tests");

    @Test
    void readsRealisticLiteLlmConfig() {
        LoadedConfig loaded = ConfigLoader.parse(REALISTIC, ENV);
        List<Deployment> ds = loaded.config().deployments();

        assertEquals(List.of("gpt-4o", "gpt-4o", "claude-sonnet", "llama-70b", "local-qwen"),
                ds.stream().map(Deployment::modelName).toList());
        assertEquals(List.of(ProviderKind.OPENAI, ProviderKind.OPENROUTER, ProviderKind.ANTHROPIC,
                        ProviderKind.TOGETHER_AI, ProviderKind.HOSTED_VLLM),
                ds.stream().map(Deployment::provider).toList());
        assertEquals(List.of("gpt-4o", "openai/gpt-4o", "claude-3-5-sonnet-20241022",
                        "meta-llama/Llama-3-70b-chat-hf", "Qwen/Qwen2.5-7B-Instruct"),
                ds.stream().map(Deployment::upstreamModel).toList());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void readsTypedLitellmParams() {
        Deployment d = ConfigLoader.parse(REALISTIC, ENV).config().deployments().get(0);

        assertEquals("sk-east-secret", d.apiKey().value());
        assertEquals(URI.create("https://api.openai.com/v1"), d.apiBase());
        assertEquals(Duration.ofSeconds(30), d.timeout());
        assertEquals(Duration.ofMillis(12_500), d.streamTimeout());
        assertEquals(2, d.maxRetries());
        assertEquals(500, d.rpm());
        assertEquals(90_000, d.tpm());
        assertEquals(2.0, d.weight());
        assertNull(d.apiVersion());
    }

    @Test
    void keepsOtherLitellmParamsForTheProvider() {
        List<Deployment> ds = ConfigLoader.parse(REALISTIC, ENV).config().deployments();

        Deployment openai = ds.get(0);
        assertEquals(java.util.Set.of("organization", "temperature"), openai.params().keySet());
        assertEquals("org-123", openai.params().get("organization").textValue());
        assertEquals(new BigDecimal("0.2"), openai.params().get("temperature").decimalValue());

        Deployment openrouter = ds.get(1);
        assertEquals("https://example.com", openrouter.params().get("extra_headers").get("HTTP-Referer").textValue());
        assertEquals("Tollgate tests", openrouter.params().get("extra_headers").get("X-Title").textValue());
        assertEquals(4096, ds.get(2).params().get("max_tokens").intValue());
    }

    @Test
    void readsModelInfoCostsExactly() {
        List<Deployment> ds = ConfigLoader.parse(REALISTIC, ENV).config().deployments();
        ModelInfo info = ds.get(0).info();

        assertEquals("gpt4o-east", ds.get(0).id());
        assertEquals(new BigDecimal("0.0000025"), info.inputCostPerToken().stripTrailingZeros());
        assertEquals(0, new BigDecimal("0.00001").compareTo(info.outputCostPerToken()));
        assertEquals(128_000, info.maxInputTokens());
        assertEquals(16_384, info.maxOutputTokens());
        assertEquals("chat", info.mode());
    }

    @Test
    void takesCostsFromLitellmParamsWhenModelInfoHasNone() {
        Deployment llama = ConfigLoader.parse(REALISTIC, ENV).config().deployments().get(3);

        assertEquals(0, new BigDecimal("0.0000009").compareTo(llama.info().inputCostPerToken()));
        assertEquals(0, new BigDecimal("0.0000009").compareTo(llama.info().outputCostPerToken()));
        assertFalse(llama.params().containsKey("input_cost_per_token"), "costs are not sent upstream");
    }

    @Test
    void readsEnvironmentReferences() {
        List<Deployment> ds = ConfigLoader.parse(REALISTIC, ENV).config().deployments();

        assertEquals("sk-or-secret", ds.get(1).apiKey().value());
        assertEquals(URI.create("http://vllm.internal:8000/v1"), ds.get(4).apiBase());
    }

    @Test
    void environmentVariablesSectionOverridesTheProcessEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("REDIS_HOST", "from-process");

        RouterSettings router = ConfigLoader.parse(REALISTIC, env).config().router();

        assertEquals("redis.internal", router.raw().get("redis_host").textValue());
    }

    @Test
    void readsRouterLitellmAndGeneralSettings() {
        GatewayConfig config = ConfigLoader.parse(REALISTIC, ENV).config();

        assertEquals("usage-based-routing-v2", config.router().routingStrategy());
        assertEquals(3, config.router().numRetries());
        assertEquals(Duration.ofSeconds(45), config.router().timeout());
        assertNull(config.router().streamTimeout());
        assertEquals(2, config.router().raw().get("allowed_fails").intValue());
        assertEquals("usage-based-routing-v2", config.router().raw().get("routing_strategy").textValue());

        assertTrue(config.litellm().dropParams());
        assertEquals("langfuse", config.litellm().raw().get("success_callback").get(0).textValue());

        assertEquals("sk-master-secret", config.general().masterKey().value());
        assertEquals(2_621_440L, config.general().maxRequestBodyBytes());
        assertFalse(config.general().raw().containsKey("master_key"), "the master key lives only in its Secret");
    }

    @Test
    void appliesDefaultsToAMinimalConfig() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: gpt-4o-mini
                    litellm_params:
                      model: gpt-4o-mini
                """, Map.of());
        GatewayConfig config = loaded.config();
        Deployment d = config.deployments().get(0);

        assertEquals(ProviderKind.OPENAI, d.provider());
        assertNull(d.apiKey());
        assertNull(d.timeout());
        assertNull(d.rpm());
        assertNull(d.weight());
        assertEquals(Map.of(), d.params());
        assertEquals("simple-shuffle", config.router().routingStrategy());
        assertEquals(2, config.router().numRetries());
        assertEquals(RouterSettings.DEFAULT_TIMEOUT, config.router().timeout());
        assertFalse(config.litellm().dropParams());
        assertNull(config.general().masterKey());
        assertEquals(GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES, config.general().maxRequestBodyBytes());
    }

    @Test
    void fallsBackToLitellmSettingsForRetriesAndTimeout() {
        String yaml = """
                model_list: []
                litellm_settings:
                  num_retries: 4
                  request_timeout: 90
                """;
        RouterSettings router = ConfigLoader.parse(yaml, Map.of()).config().router();

        assertEquals(4, router.numRetries());
        assertEquals(Duration.ofSeconds(90), router.timeout());
    }

    @Test
    void routerSettingsWinOverLitellmSettings() {
        String yaml = """
                router_settings:
                  num_retries: 1
                  timeout: 10
                litellm_settings:
                  num_retries: 4
                  request_timeout: 90
                """;
        RouterSettings router = ConfigLoader.parse(yaml, Map.of()).config().router();

        assertEquals(1, router.numRetries());
        assertEquals(Duration.ofSeconds(10), router.timeout());
    }

    @Test
    void readsNumbersFromEnvironmentReferences() {
        String yaml = """
                model_list:
                  - model_name: m
                    litellm_params:
                      model: groq/llama3-70b-8192
                      rpm: os.environ/GROQ_RPM
                      timeout: os.environ/GROQ_TIMEOUT
                litellm_settings:
                  drop_params: os.environ/DROP
                """;
        LoadedConfig loaded = ConfigLoader.parse(yaml, Map.of("GROQ_RPM", "30", "GROQ_TIMEOUT", "1.5", "DROP", "TRUE"));
        Deployment d = loaded.config().deployments().get(0);

        assertEquals(30, d.rpm());
        assertEquals(Duration.ofMillis(1500), d.timeout());
        assertTrue(loaded.config().litellm().dropParams());
    }

    @Test
    void takesMasterKeyFromLitellmMasterKeyVariableWhenConfigHasNone() {
        LoadedConfig loaded = ConfigLoader.parse("model_list: []", Map.of("LITELLM_MASTER_KEY", "sk-from-env"));

        assertEquals("sk-from-env", loaded.config().general().masterKey().value());
    }

    @Test
    void fillsParamsFromNamedCredential() {
        String yaml = """
                credential_list:
                  - credential_name: shared-vllm
                    credential_values:
                      api_key: os.environ/VLLM_KEY
                      api_base: http://vllm.internal:8000/v1
                    credential_info:
                      description: team vLLM
                model_list:
                  - model_name: qwen
                    litellm_params:
                      model: hosted_vllm/Qwen/Qwen2.5-7B-Instruct
                      litellm_credential_name: shared-vllm
                  - model_name: qwen-other-host
                    litellm_params:
                      model: hosted_vllm/Qwen/Qwen2.5-7B-Instruct
                      api_base: http://other.internal:8000/v1
                      litellm_credential_name: shared-vllm
                """;
        List<Deployment> ds = ConfigLoader.parse(yaml, Map.of("VLLM_KEY", "vllm-secret")).config().deployments();

        assertEquals("vllm-secret", ds.get(0).apiKey().value());
        assertEquals(URI.create("http://vllm.internal:8000/v1"), ds.get(0).apiBase());
        assertEquals(URI.create("http://other.internal:8000/v1"), ds.get(1).apiBase(), "the deployment's own value wins");
        assertFalse(ds.get(0).params().containsKey("litellm_credential_name"));
    }

    @Test
    void letsSeveralDeploymentsShareAModelName() {
        List<Deployment> ds = ConfigLoader.parse(REALISTIC, ENV).config().deployments();

        List<Deployment> group = ds.stream().filter(d -> d.modelName().equals("gpt-4o")).toList();
        assertEquals(2, group.size());
        assertFalse(group.get(0).id().equals(group.get(1).id()));
    }

    @Test
    void readsExampleWithTrailingSlashBaseFromLiteLlmDocs() {
        String yaml = """
                model_list:
                  - model_name: fake-anthropic-endpoint
                    litellm_params:
                      model: anthropic/fake
                      api_base: https://exampleanthropicendpoint-production.up.railway.app/
                """;
        Deployment d = ConfigLoader.parse(yaml, Map.of()).config().deployments().get(0);

        assertEquals(URI.create("https://exampleanthropicendpoint-production.up.railway.app"), d.apiBase());
    }

    @Test
    void readsBedrockDeploymentWithoutApiBaseKeepingAwsSettingsAsParams() {
        String yaml = """
                model_list:
                  - model_name: claude-bedrock
                    litellm_params:
                      model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0
                      aws_region_name: eu-west-1
                      aws_access_key_id: os.environ/AWS_KEY
                      aws_secret_access_key: os.environ/AWS_SECRET
                """;
        Deployment d = ConfigLoader.parse(yaml, Map.of("AWS_KEY", "AKID", "AWS_SECRET", "s3cr3t")).config()
                .deployments().get(0);

        assertEquals(ProviderKind.BEDROCK, d.provider());
        assertEquals("anthropic.claude-3-5-sonnet-20240620-v1:0", d.upstreamModel());
        assertNull(d.apiBase());
        assertEquals("AKID", d.params().get("aws_access_key_id").textValue());
        assertEquals("eu-west-1", d.params().get("aws_region_name").textValue());
    }
}
