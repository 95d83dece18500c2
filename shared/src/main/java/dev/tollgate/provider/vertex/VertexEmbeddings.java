package dev.tollgate.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.Embeddings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertex AI's text-embedding {@code :predict}: {@code {"instances":[{"content"}],"parameters":
 * {"outputDimensionality"}}} in, {@code predictions[].embeddings.values} and
 * {@code predictions[].embeddings.statistics.token_count} out. Pure.
 */
final class VertexEmbeddings {
    private VertexEmbeddings() {
    }

    static ObjectNode toVertex(EmbeddingRequest r) {
        if (r.texts() == null) {
            throw GatewayException.invalid("input", "vertex_ai embeds text only; 'input' must be a string or a list of strings.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode instances = body.putArray("instances");
        r.texts().forEach(t -> instances.addObject().put("content", t));
        if (r.dimensions() != null) {
            body.putObject("parameters").put("outputDimensionality", r.dimensions());
        }
        return body;
    }

    static Embeddings toEmbeddings(byte[] answer, int expected, String model) {
        JsonNode predictions;
        try {
            predictions = Json.VECTORS.readTree(answer).path("predictions");
        } catch (IOException e) {
            throw unreadable();
        }
        if (!predictions.isArray() || predictions.size() != expected) {
            throw unreadable();
        }
        List<float[]> vectors = new ArrayList<>();
        int tokens = 0;
        for (JsonNode p : predictions) {
            JsonNode values = p.path("embeddings").path("values");
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).floatValue();
            }
            vectors.add(v);
            tokens += p.path("embeddings").path("statistics").path("token_count").asInt(0);
        }
        return new Embeddings(vectors, tokens, model);
    }

    private static GatewayException unreadable() {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR,
                "vertex_ai returned an embeddings answer without one prediction per input.");
    }
}
