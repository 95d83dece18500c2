package dev.tollgate.openai;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code response_format}: {@code text}, {@code json_object}, or {@code json_schema} with its schema. */
public record ResponseFormat(String type, JsonSchema jsonSchema) {

    public record JsonSchema(String name, String description, JsonNode schema, Boolean strict) {
    }

    public boolean isJsonObject() {
        return "json_object".equals(type);
    }

    public boolean isJsonSchema() {
        return "json_schema".equals(type);
    }
}
