package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.Embeddings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of an Ollama {@code /api/embed} call ({@code input}: a list of strings) and the vectors
 * out of its answer ({@code embeddings}, {@code prompt_eval_count}). Token-array input has no
 * Ollama equivalent and is refused. Pure.
 */
final class OllamaEmbeddings {
    private OllamaEmbeddings() {
    }

    static ObjectNode toOllama(EmbeddingRequest r, Deployment d) {
        if (r.texts() == null) {
            throw GatewayException.invalid("input", "ollama embeds text only; send 'input' as a string or a list "
                    + "of strings, not token ids.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", d.upstreamModel());
        ArrayNode input = body.putArray("input");
        r.texts().forEach(input::add);
        if (r.dimensions() != null) {
            body.put("dimensions", r.dimensions());
        }
        ObjectNode options = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> p : d.params().entrySet()) {
            if (OllamaRequests.OPTION_NAMES.contains(p.getKey())) {
                options.set(p.getKey(), p.getValue());
            } else if ("keep_alive".equals(p.getKey()) || "truncate".equals(p.getKey())) {
                body.set(p.getKey(), p.getValue());
            }
        }
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return body;
    }

    static Embeddings toEmbeddings(byte[] answer, String provider, int expected) {
        JsonNode root;
        try {
            root = Json.VECTORS.readTree(answer);
        } catch (IOException e) {
            throw unreadable(provider);
        }
        JsonNode embeddings = root.path("embeddings");
        if (!embeddings.isArray() || embeddings.size() != expected) {
            throw unreadable(provider);
        }
        List<float[]> vectors = new ArrayList<>(expected);
        for (JsonNode vector : embeddings) {
            if (!vector.isArray()) {
                throw unreadable(provider);
            }
            float[] v = new float[vector.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = vector.get(i).floatValue();
            }
            vectors.add(v);
        }
        return new Embeddings(vectors, root.path("prompt_eval_count").asInt(0), root.path("model").asText(null));
    }

    private static GatewayException unreadable(String provider) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider
                + " returned an embeddings answer that is not Ollama's shape (one vector per input).");
    }
}
