package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML is read as LiteLLM's yaml.safe_load reads it. */
class ConfigYamlTest {
    static final Map<String, String> ENV = Map.of("LITELLM_MASTER_KEY", "sk-m", "OPENAI_KEY", "sk-openai");

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        LoadedConfig loaded = ConfigLoader.parse("""
                x-openai: &openai
                  api_key: os.environ/OPENAI_KEY
                  timeout: 20
                  rpm: 100
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      <<: *openai
                      model: openai/gpt-4o
                      rpm: 50
                  - model_name: gpt-4o-mini
                    litellm_params:
                      <<: *openai
                      model: openai/gpt-4o-mini
                """, ENV);
        List<Deployment> ds = loaded.config().deployments();

        assertEquals("sk-openai", ds.get(0).apiKey().value());
        assertEquals(Duration.ofSeconds(20), ds.get(1).timeout());
        assertEquals(50, ds.get(0).rpm(), "an explicit key overrides the merged one");
        assertEquals(100, ds.get(1).rpm());
        assertEquals(Map.of(), ds.get(1).params(), "'<<' is not a provider param");
        assertEquals(List.of("unknown key x-openai (ignored)"), loaded.warnings());
    }

    @Test
    void keepsFloatsExact() {
        ModelInfo info = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {input_cost_per_token: 1e-6, output_cost_per_token: 0.1}
                """, ENV).config().deployments().get(0).info();

        assertEquals(new BigDecimal("0.000001"), info.inputCostPerToken());
        assertEquals(new BigDecimal("0.1"), info.outputCostPerToken());
    }

    @Test
    void keepsDatesAsText() {
        Deployment d = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_version: 2024-10-21}
                """, ENV).config().deployments().get(0);

        assertEquals("2024-10-21", d.apiVersion());
    }

    @Test
    void readsYaml11Booleans() {
        LitellmSettings litellm = ConfigLoader.parse("litellm_settings: {drop_params: yes}\nmodel_list: []",
                ENV).config().litellm();

        assertEquals(true, litellm.dropParams());
    }
}
