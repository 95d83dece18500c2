package dev.tollgate.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Usage;
import java.io.IOException;

/** Reads OpenAI-style answers and stream chunks into our records. Pure. */
final class OpenAiResponses {
    private static final ObjectReader CHUNK_READER = Json.MAPPER.readerFor(ChatCompletionChunk.class);

    private OpenAiResponses() {
    }

    static ChatCompletion toOpenAi(byte[] body, String provider) {
        try {
            ChatCompletion c = Json.MAPPER.readValue(body, ChatCompletion.class);
            if (c.choices() == null || c.object() == null) {
                throw unreadable(provider, null);
            }
            return c;
        } catch (IOException e) {
            throw unreadable(provider, e);
        }
    }

    /**
     * One {@code data:} payload of a stream. Read straight into a chunk, the common case, in one pass;
     * anything else (an error object, Groq's {@code x_groq.usage}) goes the slower way through a tree.
     */
    static ChatCompletionChunk chunk(String data, String provider) {
        if (!data.contains("x_groq")) {
            try {
                ChatCompletionChunk chunk = CHUNK_READER.readValue(data);
                if (chunk.object() != null) {
                    return chunk;
                }
            } catch (IOException notAChunk) {
                // an error object or garbage: the tree path below says which
            }
        }
        return chunkFromTree(data, provider);
    }

    private static ChatCompletionChunk chunkFromTree(String data, String provider) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(data);
        } catch (IOException e) {
            throw unreadable(provider, e);
        }
        if (node.has("error") || "error".equals(node.path("object").asText())) {
            var detail = OpenAiErrors.fromJson(node);
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " failed mid-stream: " + detail.message());
        }
        try {
            ChatCompletionChunk chunk = Json.MAPPER.treeToValue(node, ChatCompletionChunk.class);
            JsonNode groqUsage = node.path("x_groq").get("usage");
            if (chunk.usage() == null && groqUsage != null) {
                Usage usage = Json.MAPPER.treeToValue(groqUsage, Usage.class);
                chunk = new ChatCompletionChunk(chunk.id(), chunk.object(), chunk.created(), chunk.model(),
                        chunk.choices(), usage, chunk.systemFingerprint());
            }
            return chunk;
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(provider, e);
        }
    }

    private static GatewayException unreadable(String provider, Exception cause) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned a response that is not "
                + "an OpenAI chat completion.", null, null, null, cause);
    }
}
