package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * InvokeModel bodies for the embedding models, and their answers. Titan
 * ({@code amazon.titan-embed-*}) takes one {@code inputText} per call and counts its tokens;
 * Cohere ({@code cohere.embed-*}) takes up to {@link #COHERE_BATCH} {@code texts} per call and
 * reports no count in the body (InvokeModel's {@code X-Amzn-Bedrock-Input-Token-Count} header has it).
 */
final class BedrockEmbeddings {
    static final int COHERE_BATCH = 96;
    static final String TOKEN_COUNT_HEADER = "X-Amzn-Bedrock-Input-Token-Count";

    enum Family { TITAN, COHERE }

    /** One InvokeModel call's body, and how many inputs it carries. */
    record Invocation(byte[] body, int inputs) {
    }

    /** What one call returned. */
    record Result(List<float[]> vectors, int tokens) {
    }

    private BedrockEmbeddings() {
    }

    static Family family(String modelId) {
        return modelId.contains("cohere.embed") ? Family.COHERE : Family.TITAN;
    }

    /** The calls an embedding request takes, in input order. */
    static List<Invocation> toBedrock(EmbeddingRequest r, Family family) {
        if (r.texts() == null) {
            throw GatewayException.invalid("input", "bedrock embeds text only: 'input' must be a string or a list"
                    + " of strings, not token arrays.");
        }
        List<Invocation> calls = new ArrayList<>();
        if (family == Family.TITAN) {
            for (String text : r.texts()) {
                ObjectNode body = Json.MAPPER.createObjectNode().put("inputText", text);
                if (r.dimensions() != null) {
                    body.put("dimensions", r.dimensions());
                }
                calls.add(new Invocation(Json.bytes(body), 1));
            }
            return calls;
        }
        if (r.dimensions() != null) {
            throw GatewayException.invalid("dimensions", "bedrock's Cohere embedding models do not take 'dimensions'.");
        }
        JsonNode inputType = r.extra().get("input_type");
        for (int i = 0; i < r.texts().size(); i += COHERE_BATCH) {
            List<String> batch = r.texts().subList(i, Math.min(r.texts().size(), i + COHERE_BATCH));
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode texts = body.putArray("texts");
            batch.forEach(texts::add);
            body.put("input_type", inputType != null && inputType.isTextual() ? inputType.asText() : "search_document");
            calls.add(new Invocation(Json.bytes(body), batch.size()));
        }
        return calls;
    }

    /** The vectors of one answer; {@code headerTokens} is the token-count header, or null. */
    static Result toOpenAi(byte[] body, Family family, Integer headerTokens) {
        JsonNode root;
        try {
            root = Json.VECTORS.readTree(body);
        } catch (IOException e) {
            throw new GatewayException(dev.tollgate.error.ErrorKind.UPSTREAM_ERROR,
                    "bedrock returned an embedding answer that is not JSON.");
        }
        List<float[]> vectors = new ArrayList<>();
        if (family == Family.TITAN) {
            vectors.add(floats(root.path("embedding")));
            int tokens = root.path("inputTextTokenCount").asInt(headerTokens == null ? 0 : headerTokens);
            return new Result(vectors, tokens);
        }
        JsonNode embeddings = root.path("embeddings");
        JsonNode list = embeddings.isObject() ? embeddings.path("float") : embeddings;
        list.forEach(v -> vectors.add(floats(v)));
        return new Result(vectors, headerTokens == null ? 0 : headerTokens);
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
