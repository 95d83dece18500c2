package dev.tollgate.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code /v1/embeddings} request. Exactly one of {@code texts} and {@code tokens} is set:
 * the caller's {@code input} as strings, or as token arrays. {@code base64} is the caller's
 * {@code encoding_format}; providers always return floats and the gateway encodes.
 */
public record EmbeddingRequest(String model, List<String> texts, List<int[]> tokens, boolean base64,
                               Integer dimensions, String user, Map<String, JsonNode> extra) {

    public EmbeddingRequest {
        texts = texts == null ? null : List.copyOf(texts);
        tokens = tokens == null ? null : List.copyOf(tokens);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public int inputCount() {
        return texts != null ? texts.size() : tokens.size();
    }

    public EmbeddingRequest withModel(String newModel) {
        return new EmbeddingRequest(newModel, texts, tokens, base64, dimensions, user, extra);
    }
}
