package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.Embeddings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The body of a Gemini {@code batchEmbedContents} call, and the vectors out of its answer. Pure. */
final class GeminiEmbeddings {
    private GeminiEmbeddings() {
    }

    /** One request per input text; token-array input is refused, Gemini embeds text only. */
    static ObjectNode toGemini(EmbeddingRequest r, String model) {
        if (r.texts() == null) {
            throw GatewayException.invalid("input", "gemini embeds text only; 'input' must be a string or a list of strings.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (String text : r.texts()) {
            ObjectNode one = requests.addObject().put("model", "models/" + model);
            one.putObject("content").putArray("parts").addObject().put("text", text);
            if (r.dimensions() != null) {
                one.put("outputDimensionality", r.dimensions());
            }
        }
        return body;
    }

    /**
     * {@code embeddings[].values}, one per input. Gemini reports no token count for embeddings, so
     * prompt tokens are estimated as ceil(chars / 4) per input, the usual rule of thumb for English text.
     */
    static Embeddings toEmbeddings(byte[] answer, EmbeddingRequest r, String model) {
        JsonNode embeddings;
        try {
            embeddings = Json.VECTORS.readTree(answer).path("embeddings");
        } catch (IOException e) {
            throw GeminiErrors.unreadable("gemini", "an embeddings answer that is not JSON");
        }
        if (!embeddings.isArray() || embeddings.size() != r.texts().size()) {
            throw GeminiErrors.unreadable("gemini", "an embeddings answer without one vector per input");
        }
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode e : embeddings) {
            vectors.add(floats(e.path("values")));
        }
        return new Embeddings(vectors, estimateTokens(r.texts()), model);
    }

    static int estimateTokens(List<String> texts) {
        int tokens = 0;
        for (String t : texts) {
            tokens += (t.length() + 3) / 4;
        }
        return tokens;
    }

    static float[] floats(JsonNode values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).floatValue();
        }
        return v;
    }
}
