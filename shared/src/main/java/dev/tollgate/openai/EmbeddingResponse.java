package dev.tollgate.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI's embeddings answer: {@code {"object":"list","data":[{"object":"embedding","index","embedding"}],
 * "model","usage":{"prompt_tokens","total_tokens"}}}. {@code embedding} is a float array, or with
 * {@code encoding_format: base64} the little-endian float32 bytes in base64, as OpenAI sends them.
 */
public record EmbeddingResponse(String object, List<Item> data, String model, EmbeddingUsage usage) {

    public record Item(String object, int index, Object embedding) {
    }

    public record EmbeddingUsage(int promptTokens, int totalTokens) {
    }

    public static EmbeddingResponse of(List<float[]> vectors, String model, int promptTokens, boolean base64) {
        List<Item> items = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            items.add(new Item("embedding", i, base64 ? toBase64(v) : v));
        }
        return new EmbeddingResponse("list", items, model, new EmbeddingUsage(promptTokens, promptTokens));
    }

    static String toBase64(float[] vector) {
        ByteBuffer buf = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
