package dev.tollgate.completion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.openai.Json;
import java.io.IOException;

/** Reads a request body as JSON, bounded, with a 400 that says where the JSON broke. */
final class RequestBodies {
    private RequestBodies() {
    }

    static JsonNode readJson(Exchange ex, long maxBytes) throws IOException {
        byte[] body = ex.body(maxBytes);
        if (body.length == 0) {
            throw GatewayException.invalid(null, "Request body is empty; expected a JSON object.");
        }
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
