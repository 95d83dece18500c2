package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProviderWire} whose provider also embeds. The mock answers embedding requests with
 * {@link #vectorsFor} (vector i is {@code [i + 0.5, -(i + 0.25), 0.125]}) and
 * {@link #TOKENS_PER_INPUT} prompt tokens per input, so tests know exactly what to expect.
 */
public interface EmbeddingWire {
    int TOKENS_PER_INPUT = 3;

    boolean isEmbedding(String path, JsonNode body);

    /** How many inputs the embedding request carries. */
    int inputCount(JsonNode body);

    /** The provider's embedding answer for these vectors. */
    byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model);

    /**
     * The prompt tokens the gateway should report for these inputs: what the mock reported, unless
     * the provider reports none and the gateway estimates them.
     */
    default int expectedPromptTokens(List<String> inputs) {
        return TOKENS_PER_INPUT * inputs.size();
    }

    /** Headers sent with the embedding answer (a token count the body does not carry). */
    default java.util.Map<String, String> embeddingHeaders(int promptTokens) {
        return java.util.Map.of();
    }

    static List<float[]> vectorsFor(int count) {
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vectors.add(new float[] {i + 0.5f, -(i + 0.25f), 0.125f});
        }
        return vectors;
    }
}
