package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code os.environ/NAME} anywhere inside a mapping, for values kept untyped: provider
 * params passed upstream, and the {@code raw} maps of the settings. Strict mode fails on a missing
 * variable (params are sent to the provider, so they must be right). Lenient mode, for settings
 * Tollgate only keeps for later, warns and leaves the value null: a LiteLLM config often references
 * variables, such as {@code DATABASE_URL}, for features Tollgate does not use, and those must not
 * stop it from starting.
 */
final class References {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private References() {
    }

    /** The section's fields except {@code skip}, in order, with references resolved. */
    static Map<String, JsonNode> resolveFields(Section section, Set<String> skip, boolean strict) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        section.node().properties().forEach(e -> {
            if (!skip.contains(e.getKey())) {
                out.put(e.getKey(), resolve(e.getValue(), section.pathOf(e.getKey()), section, strict));
            }
        });
        return out;
    }

    private static JsonNode resolve(JsonNode node, String path, Section section, boolean strict) {
        if (node.isTextual() && Env.isReference(node.textValue())) {
            try {
                return NODES.textNode(section.env().resolve(node.textValue(), path));
            } catch (ConfigException e) {
                if (strict) {
                    throw e;
                }
                section.warnings().add(e.getMessage() + "; left empty");
                return NODES.nullNode();
            }
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue(), path + "." + e.getKey(), section, strict)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(resolve(node.get(i), path + "[" + i + "]", section, strict));
            }
            return copy;
        }
        return node;
    }
}
