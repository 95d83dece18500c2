package dev.tollgate.provider;

import java.util.List;

/** What a provider returned: vectors in input order, the tokens it counted, the model it names. */
public record Embeddings(List<float[]> vectors, int promptTokens, String model) {
    public Embeddings {
        vectors = List.copyOf(vectors);
    }
}
