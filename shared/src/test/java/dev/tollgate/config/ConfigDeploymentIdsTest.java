package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDeploymentIdsTest {
    static final String TWO_IDENTICAL = """
            model_list:
              - model_name: gpt-4o
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/KEY}
              - model_name: gpt-4o
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/KEY}
            """;

    static List<String> ids(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, env).config().deployments().stream().map(Deployment::id).toList();
    }

    @Test
    void generatesTheSameIdsOnEveryLoad() {
        List<String> first = ids(TWO_IDENTICAL, Map.of("KEY", "k1"));
        List<String> second = ids(TWO_IDENTICAL, Map.of("KEY", "k1"));

        assertEquals(first, second);
        first.forEach(id -> assertTrue(id.matches("[0-9a-f]{16}"), id));
    }

    @Test
    void givesIdenticalDeploymentsDistinctIds() {
        List<String> ids = ids(TWO_IDENTICAL, Map.of("KEY", "k1"));

        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    void keepsIdsWhenOnlyTheKeyChanges() {
        assertEquals(ids(TWO_IDENTICAL, Map.of("KEY", "k1")), ids(TWO_IDENTICAL, Map.of("KEY", "rotated")));
    }

    @Test
    void keepsEarlierIdsWhenADeploymentIsAppended() {
        String appended = TWO_IDENTICAL + """
                  - model_name: gpt-4o-mini
                    litellm_params: {model: openai/gpt-4o-mini}
                """;

        assertEquals(ids(TWO_IDENTICAL, Map.of("KEY", "k")), ids(appended, Map.of("KEY", "k")).subList(0, 2));
    }

    @Test
    void changesIdWhenTheUpstreamChanges() {
        String otherBase = TWO_IDENTICAL.replaceFirst("api_key: os.environ/KEY",
                "api_key: os.environ/KEY, api_base: \"https://eu.api.openai.com/v1\"");

        assertNotEquals(ids(TWO_IDENTICAL, Map.of("KEY", "k")).get(0), ids(otherBase, Map.of("KEY", "k")).get(0));
    }

    @Test
    void usesExplicitIdAsGivenAndAcceptsIntegerIds() {
        List<String> ids = ids("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: my-east-deployment}
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {id: 42}
                """, Map.of());

        assertEquals(List.of("my-east-deployment", "42"), ids);
    }
}
