package dev.tollgate.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.DeploymentParams;
import dev.tollgate.provider.Embeddings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of an OpenAI-style {@code /embeddings} call, and the vectors out of its answer. Pure. */
final class OpenAiEmbeddings {
    private OpenAiEmbeddings() {
    }

    /** Always asks for floats: the gateway encodes base64 itself when the caller wants it. */
    static ObjectNode toOpenAi(EmbeddingRequest r, Deployment d) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", d.upstreamModel());
        if (r.texts() != null) {
            ArrayNode input = body.putArray("input");
            r.texts().forEach(input::add);
        } else {
            ArrayNode input = body.putArray("input");
            for (int[] ids : r.tokens()) {
                ArrayNode a = input.addArray();
                for (int id : ids) {
                    a.add(id);
                }
            }
        }
        body.put("encoding_format", "float");
        if (r.dimensions() != null) {
            body.put("dimensions", r.dimensions());
        }
        if (r.user() != null) {
            body.put("user", r.user());
        }
        for (Map.Entry<String, JsonNode> e : r.extra().entrySet()) {
            body.set(e.getKey(), e.getValue());
        }
        DeploymentParams.mergeInto(body, d);
        return body;
    }

    static Embeddings toEmbeddings(byte[] answer, String provider, int expected) {
        JsonNode root;
        try {
            root = Json.VECTORS.readTree(answer);
        } catch (IOException e) {
            throw unreadable(provider);
        }
        JsonNode data = root.path("data");
        if (!data.isArray() || data.size() != expected) {
            throw unreadable(provider);
        }
        float[][] byIndex = new float[expected][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            JsonNode vector = item.path("embedding");
            if (index < 0 || index >= expected || !vector.isArray()) {
                throw unreadable(provider);
            }
            float[] v = new float[vector.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = vector.get(i).floatValue();
            }
            byIndex[index] = v;
        }
        List<float[]> vectors = new ArrayList<>(List.of(byIndex));
        return new Embeddings(vectors, root.path("usage").path("prompt_tokens").asInt(0),
                root.path("model").asText(null));
    }

    private static GatewayException unreadable(String provider) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider
                + " returned an embeddings answer that is not OpenAI's shape (one item per input).");
    }
}
