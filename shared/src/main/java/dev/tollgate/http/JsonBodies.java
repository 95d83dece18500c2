package dev.tollgate.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import java.io.IOException;

/** Reads a request body as a JSON object, bounded, with a 400 that says where the JSON broke. */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonNode readJson(Exchange ex, long maxBytes) throws IOException {
        byte[] body = ex.body(maxBytes);
        if (body.length == 0) {
            throw GatewayException.invalid(null, "Request body is empty; expected a JSON object.");
        }
        return parse(body);
    }

    /** Like {@link #readJson}, but an empty body reads as {@code {}}. */
    public static JsonNode readOptionalJson(Exchange ex, long maxBytes) throws IOException {
        byte[] body = ex.body(maxBytes);
        return body.length == 0 ? Json.MAPPER.createObjectNode() : parse(body);
    }

    private static JsonNode parse(byte[] body) throws IOException {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw GatewayException.invalid(null, "Request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw GatewayException.invalid(null, "Request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
    }
}
