package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a config can be unusable, each with its exact one-line message. */
class ConfigErrorsTest {

    static ConfigException failure(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, env));
    }

    static void assertFails(String expectedMessage, String yaml) {
        assertEquals(expectedMessage, failure(yaml, Map.of()).getMessage());
    }

    /** A model_list with two valid deployments, then one with the given litellm_params lines. */
    static String thirdDeploymentWith(String paramLines) {
        return """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                  - model_name: b
                    litellm_params: {model: openai/gpt-4o-mini}
                  - model_name: c
                    litellm_params:
                      model: groq/llama3-8b-8192
                """ + paramLines.indent(6);
    }

    @Test
    void rejectsNonIntegerRpmNamingPath() {
        ConfigException e = failure(thirdDeploymentWith("rpm: fast"), Map.of());

        assertEquals("model_list[2].litellm_params.rpm: expected an integer, got \"fast\"", e.getMessage());
        assertEquals("model_list[2].litellm_params.rpm", e.path());
    }

    @Test
    void rejectsFractionalRpm() {
        assertFails("model_list[2].litellm_params.rpm: expected an integer, got 10.5", thirdDeploymentWith("rpm: 10.5"));
    }

    @Test
    void rejectsNegativeTpm() {
        assertFails("model_list[2].litellm_params.tpm: must not be negative, got -5", thirdDeploymentWith("tpm: -5"));
    }

    @Test
    void rejectsRpmBeyondIntegerRange() {
        assertFails("model_list[2].litellm_params.rpm: expected an integer up to 2147483647, got 3000000000",
                thirdDeploymentWith("rpm: 3000000000"));
    }

    @Test
    void rejectsNegativeWeight() {
        assertFails("model_list[2].litellm_params.weight: must not be negative, got -0.5",
                thirdDeploymentWith("weight: -0.5"));
    }

    @Test
    void rejectsNegativeMaxRetries() {
        assertFails("model_list[2].litellm_params.max_retries: must not be negative, got -1",
                thirdDeploymentWith("max_retries: -1"));
    }

    @Test
    void rejectsNonPositiveTimeout() {
        assertFails("model_list[2].litellm_params.timeout: must be a positive number of seconds, got -1",
                thirdDeploymentWith("timeout: -1"));
        assertFails("model_list[2].litellm_params.stream_timeout: must be a positive number of seconds, got 0",
                thirdDeploymentWith("stream_timeout: 0"));
    }

    @Test
    void rejectsTimeoutWithUnit() {
        assertFails("model_list[2].litellm_params.timeout: expected a number of seconds, got \"30s\"",
                thirdDeploymentWith("timeout: 30s"));
    }

    @Test
    void rejectsListWhereMappingExpected() {
        assertFails("model_list[0].litellm_params: expected a mapping, got a list", """
                model_list:
                  - model_name: a
                    litellm_params: [openai/gpt-4o]
                """);
    }

    @Test
    void rejectsMappingWhereListExpected() {
        assertFails("model_list: expected a list, got a mapping", """
                model_list:
                  model_name: a
                """);
    }

    @Test
    void rejectsNumberWhereStringExpected() {
        assertFails("model_list[0].litellm_params.api_version: expected a string, got 2024", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_version: 2024}
                """);
    }

    @Test
    void rejectsEmptyModelListEntry() {
        assertFails("model_list[1]: empty entry", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                  -
                """);
        assertFails("model_list[0]: empty entry", "model_list: [{}]");
    }

    @Test
    void rejectsScalarModelListEntry() {
        assertFails("model_list[0]: expected a mapping, got \"gpt-4o\"", "model_list: [gpt-4o]");
    }

    @Test
    void rejectsMissingModelName() {
        assertFails("model_list[0].model_name: missing (required)", """
                model_list:
                  - litellm_params: {model: openai/gpt-4o}
                """);
    }

    @Test
    void rejectsBlankModelName() {
        assertFails("model_list[0].model_name: must not be empty", """
                model_list:
                  - model_name: " "
                    litellm_params: {model: openai/gpt-4o}
                """);
    }

    @Test
    void rejectsMissingLitellmParams() {
        assertFails("model_list[0].litellm_params: missing (required)", """
                model_list:
                  - model_name: a
                """);
    }

    @Test
    void rejectsMissingModel() {
        assertFails("model_list[0].litellm_params.model: missing (required)", """
                model_list:
                  - model_name: a
                    litellm_params: {api_key: sk-x}
                """);
    }

    @Test
    void rejectsUnknownProviderListingKnownOnes() {
        assertFails("model_list[0].litellm_params.model: unknown provider \"acme\" in \"acme/gpt-4\"; known providers: "
                + "anthropic, azure, bedrock, deepseek, fireworks_ai, gemini, groq, hosted_vllm, mistral, ollama, ollama_chat, "
                + "openai, openrouter, together_ai, vertex_ai", """
                model_list:
                  - model_name: a
                    litellm_params: {model: acme/gpt-4}
                """);
    }

    @Test
    void rejectsUnknownCustomLlmProvider() {
        assertFails("model_list[0].litellm_params.custom_llm_provider: unknown provider \"watsonx\"; known providers: "
                + "anthropic, azure, bedrock, deepseek, fireworks_ai, gemini, groq, hosted_vllm, mistral, ollama, ollama_chat, "
                + "openai, openrouter, together_ai, vertex_ai", """
                model_list:
                  - model_name: a
                    litellm_params: {model: granite-13b, custom_llm_provider: watsonx}
                """);
    }

    @Test
    void rejectsProviderWithoutModelId() {
        assertFails("model_list[0].litellm_params.model: no model id after the provider in \"openai/\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/}
                """);
    }

    @Test
    void rejectsMissingEnvironmentVariableNamingIt() {
        assertFails("model_list[0].litellm_params.api_key: environment variable OPENAI_KEY_WEST is not set", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_KEY_WEST}
                """);
    }

    @Test
    void rejectsEmptyEnvironmentVariable() {
        ConfigException e = failure("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_base: os.environ/BASE}
                """, Map.of("BASE", ""));

        assertEquals("model_list[0].litellm_params.api_base: environment variable BASE is empty", e.getMessage());
    }

    @Test
    void rejectsReferenceWithoutVariableName() {
        assertFails("general_settings.master_key: \"os.environ/\" names no environment variable", """
                general_settings:
                  master_key: os.environ/
                """);
    }

    @Test
    void rejectsMissingVariableInPassThroughParam() {
        assertFails("model_list[0].litellm_params.extra_headers.X-Org: environment variable ORG is not set", """
                model_list:
                  - model_name: a
                    litellm_params:
                      model: openai/gpt-4o
                      extra_headers: {X-Org: os.environ/ORG}
                """);
    }

    @Test
    void requiresApiBaseForProviderWithoutDefault() {
        assertFails("model_list[1].litellm_params.api_base: missing (required for provider hosted_vllm, "
                + "which has no default URL)", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                  - model_name: local
                    litellm_params: {model: hosted_vllm/Qwen/Qwen2.5-7B-Instruct}
                """);
    }

    @Test
    void rejectsRelativeApiBase() {
        assertFails("model_list[0].litellm_params.api_base: expected an absolute http(s) URL, got \"localhost:8000\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_base: "localhost:8000"}
                """);
    }

    @Test
    void rejectsNonHttpApiBase() {
        assertFails("model_list[0].litellm_params.api_base: expected an absolute http(s) URL, got \"ftp://files.local/v1\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_base: "ftp://files.local/v1"}
                """);
    }

    @Test
    void rejectsApiBaseHostJavaCannotCall() {
        assertFails("model_list[0].litellm_params.api_base: expected a URL with a valid host name (letters, digits, "
                + "'-' and '.'; no '_'), got \"http://my_vllm:8000/v1\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: hosted_vllm/m, api_base: "http://my_vllm:8000/v1"}
                """);
    }

    @Test
    void rejectsDuplicateExplicitIds() {
        assertFails("model_list[2].model_info.id: duplicate id \"east\" (also model_list[0].model_info.id)", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: east}
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: west}
                  - model_name: b
                    litellm_params: {model: openai/gpt-4o-mini}
                    model_info: {id: east}
                """);
    }

    @Test
    void rejectsNonNumericCost() {
        assertFails("model_list[0].model_info.input_cost_per_token: expected a number, got \"cheap\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {input_cost_per_token: cheap}
                """);
    }

    @Test
    void rejectsNegativeCost() {
        assertFails("model_list[0].model_info.output_cost_per_token: must not be negative, got \"-1e-6\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {output_cost_per_token: "-1e-6"}
                """);
    }

    @Test
    void rejectsModelInfoThatIsNotAMapping() {
        assertFails("model_list[0].model_info: expected a mapping, got \"chat\"", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: chat
                """);
    }

    @Test
    void rejectsUnknownRoutingStrategy() {
        assertFails("router_settings.routing_strategy: unknown strategy \"round-robin\"; expected one of: "
                + "cost-based-routing, latency-based-routing, least-busy, simple-shuffle, usage-based-routing, "
                + "usage-based-routing-v2", """
                router_settings:
                  routing_strategy: round-robin
                """);
    }

    @Test
    void rejectsNonIntegerNumRetries() {
        assertFails("router_settings.num_retries: expected an integer, got \"three\"", """
                router_settings:
                  num_retries: three
                """);
    }

    @Test
    void rejectsBadLitellmSettingsFallbackEvenWhenRouterOverridesIt() {
        assertFails("litellm_settings.request_timeout: expected a number of seconds, got \"long\"", """
                router_settings: {timeout: 10}
                litellm_settings: {request_timeout: long}
                """);
    }

    @Test
    void rejectsQuotedBoolean() {
        assertFails("litellm_settings.drop_params: expected true or false, got \"false\"", """
                litellm_settings:
                  drop_params: "false"
                """);
    }

    @Test
    void rejectsSettingsSectionThatIsNotAMapping() {
        assertFails("router_settings: expected a mapping, got a list", "router_settings: [simple-shuffle]");
    }

    @Test
    void rejectsEmptyMasterKey() {
        assertFails("general_settings.master_key: must not be empty (remove it to run without authentication)", """
                general_settings:
                  master_key: ""
                """);
    }

    @Test
    void rejectsEmptyLitellmMasterKeyVariableRatherThanRunningOpen() {
        ConfigException e = failure("model_list: []", Map.of("LITELLM_MASTER_KEY", ""));

        assertEquals("environment variable LITELLM_MASTER_KEY is set but empty (unset it to run without "
                + "authentication)", e.getMessage());
    }

    @Test
    void rejectsNonPositiveRequestBodySize() {
        assertFails("general_settings.max_request_body_size_mb: must be a positive number of megabytes, got 0", """
                general_settings:
                  max_request_body_size_mb: 0
                """);
    }

    @Test
    void rejectsNonScalarEnvironmentVariable() {
        assertFails("environment_variables.REDIS_HOSTS: expected a string, got a list", """
                environment_variables:
                  REDIS_HOSTS: [a, b]
                """);
    }

    @Test
    void rejectsUnknownCredentialName() {
        assertFails("model_list[0].litellm_params.litellm_credential_name: no credential named \"prod\" in credential_list", """
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, litellm_credential_name: prod}
                """);
    }

    @Test
    void rejectsDuplicateCredentialName() {
        assertFails("credential_list[1].credential_name: duplicate credential name \"prod\"", """
                credential_list:
                  - credential_name: prod
                    credential_values: {api_key: a}
                  - credential_name: prod
                    credential_values: {api_key: b}
                """);
    }

    @Test
    void rejectsTopLevelList() {
        assertFails("expected a mapping at the top level, got a list", "- model_name: a");
    }

    @Test
    void rejectsEmptyDocument() {
        assertFails("the config is empty (expected a mapping with model_list)", "# nothing here\n");
    }

    @Test
    void reportsInvalidYamlWithLineAndColumnOnOneLine() {
        ConfigException e = failure("""
                model_list:
                  - model_name: a
                    litellm_params:
                \tmodel: openai/gpt-4o
                """, Map.of());

        assertEquals("invalid YAML at line 4, column 1: found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation) (while scanning for the next token)", e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
        assertEquals(null, e.getCause(), "the parser's exception quotes the file's lines; it is not kept");
    }

    @Test
    void rejectsSeveralYamlDocuments() {
        assertFails("invalid YAML at line 2, column 1: but found another document (expected a single document in the stream)",
                "model_list: []\n---\nmodel_list: []\n");
    }

    @Test
    void rejectsUnknownYamlTag() {
        assertFails("invalid YAML at line 1, column 19: could not determine a constructor for the tag !vault",
                "general_settings: !vault {master_key: x}");
    }

    @Test
    void rejectsIncludeWhenParsingText() {
        assertFails("include: files can only be included by a config read from a file", "include: [models.yaml]");
    }

    @Test
    void rejectsRecursiveAlias() {
        assertFails("invalid YAML: an alias refers to a value that contains it", "model_list: &a [*a]");
    }
}
