package dev.tollgate.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.provider.StreamTranslator;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;

/**
 * OpenAI's wire format for providers that speak it behind another transport (Azure OpenAI): the
 * pure translators of this package, and nothing of its HTTP. Each method is a pure function.
 */
public final class OpenAiWireFormat {
    private OpenAiWireFormat() {
    }

    /** The body of a {@code chat/completions} call. */
    public static ObjectNode toOpenAi(ChatRequest request, Deployment deployment) {
        return OpenAiRequests.toOpenAi(request, deployment);
    }

    /** A non-streamed answer; throws a GatewayException naming {@code provider} when it is not one. */
    public static ChatCompletion completion(byte[] body, String provider) {
        return OpenAiResponses.toOpenAi(body, provider);
    }

    /** A translator for one stream of {@code data:} chunks ending in {@code [DONE]}. */
    public static StreamTranslator streamTranslator(String provider) {
        return new OpenAiStreamTranslator(provider);
    }

    /** Message and code of an error body ({@code {"error":{...}}} and the looser shapes). */
    public static ErrorDetail error(JsonNode root) {
        return OpenAiErrors.fromJson(root);
    }

    /** Message and code of an error body that may not even be JSON. */
    public static ErrorDetail error(byte[] body) {
        return OpenAiErrors.parse(body);
    }

    /** The body of an {@code embeddings} call. */
    public static ObjectNode toOpenAi(EmbeddingRequest request, Deployment deployment) {
        return OpenAiEmbeddings.toOpenAi(request, deployment);
    }

    /** The vectors of an embeddings answer, in input order. */
    public static Embeddings embeddings(byte[] answer, String provider, int expected) {
        return OpenAiEmbeddings.toEmbeddings(answer, provider, expected);
    }
}
