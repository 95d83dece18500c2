package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.StreamTranslator;
import dev.tollgate.provider.UpstreamCall;

/**
 * The Messages translators as Claude on Vertex AI needs them ({@code :rawPredict} and
 * {@code :streamRawPredict}): the same body without {@code model} (it is in the URL) and with
 * {@code anthropic_version: vertex-2023-10-16}; the same answers and stream events as Anthropic's API.
 */
public final class AnthropicOnVertex {
    public static final String VERTEX_VERSION = "vertex-2023-10-16";

    /** The body to send, and whether a JSON-mode tool call is the answer's text. */
    public record Body(byte[] bytes, boolean jsonMode) {
    }

    private AnthropicOnVertex() {
    }

    public static Body body(ChatRequest request, Deployment deployment, boolean stream) {
        AnthropicRequests.MessagesRequest r = AnthropicRequests.toAnthropic(request, deployment, stream);
        ObjectNode body = r.body();
        body.remove("model");
        body.put("anthropic_version", VERTEX_VERSION);
        return new Body(Json.bytes(body), r.jsonMode());
    }

    public static ChatCompletion toOpenAi(byte[] answer, String model, String fallbackId, long created,
                                          boolean jsonMode) {
        return AnthropicResponses.toOpenAi(AnthropicResponses.parse(answer), model, fallbackId, created, jsonMode);
    }

    public static StreamTranslator streamTranslator(String model, String fallbackId, long created, boolean jsonMode) {
        return new AnthropicStreamTranslator(model, fallbackId, created, jsonMode);
    }

    public static UpstreamCall.ErrorDetail parseError(byte[] body) {
        return AnthropicErrors.parse(body);
    }

    /** The optional OpenAI parameters Claude cannot take, wherever it is served from. */
    public static ParamSupport params() {
        return AnthropicProvider.PARAMS;
    }
}
