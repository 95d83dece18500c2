package dev.tollgate.openai;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool the model may call. {@code parameters} is a JSON Schema, kept as the caller wrote it. */
public record Tool(String type, Function function) {

    public record Function(String name, String description, JsonNode parameters, Boolean strict) {
    }
}
