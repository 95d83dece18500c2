package dev.tollgate.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests as a given key, and the error they got back. */
final class EnforcementCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnforcementCalls() {
    }

    static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
                + (stream ? ",\"stream\":true" : "") + "}";
    }

    static HttpResponse<String> post(TestGateway gw, String key, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return gw.send(b);
    }

    static HttpResponse<String> chatAs(TestGateway gw, String key, String model) {
        return post(gw, key, "/v1/chat/completions", chat(model, false));
    }

    static JsonNode error(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body()).path("error");
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
