package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code credential_list}: named sets of litellm_params (api_key, api_base ...) that a deployment
 * takes by {@code litellm_params.litellm_credential_name}. As in LiteLLM, the credential only fills
 * keys the deployment does not set itself.
 */
final class Credentials {
    private final Map<String, Map<String, JsonNode>> valuesByName;

    private Credentials(Map<String, Map<String, JsonNode>> valuesByName) {
        this.valuesByName = valuesByName;
    }

    static Credentials parse(Section root) {
        Map<String, Map<String, JsonNode>> byName = new HashMap<>();
        for (Section entry : root.sections("credential_list")) {
            entry.warnUnknown(KnownKeys.CREDENTIAL);
            String name = entry.requiredText("credential_name");
            Section values = entry.section("credential_values");
            if (values == null) {
                throw ConfigException.at(entry.pathOf("credential_values"), "missing (required)");
            }
            if (byName.containsKey(name)) {
                throw ConfigException.at(entry.pathOf("credential_name"), "duplicate credential name \"" + name + "\"");
            }
            byName.put(name, References.resolveFields(values, Set.of(), true));
        }
        return new Credentials(byName);
    }

    /** The deployment's litellm_params with its named credential's values filled in. */
    Section apply(Section params) {
        String name = params.text("litellm_credential_name");
        if (name == null) {
            return params;
        }
        Map<String, JsonNode> values = valuesByName.get(name);
        if (values == null) {
            throw ConfigException.at(params.pathOf("litellm_credential_name"),
                    "no credential named \"" + name + "\" in credential_list");
        }
        ObjectNode merged = params.node().deepCopy();
        values.forEach((key, value) -> {
            if (!params.has(key)) {
                merged.set(key, value);
            }
        });
        return new Section(merged, params.path(), params.env(), params.warnings());
    }
}
