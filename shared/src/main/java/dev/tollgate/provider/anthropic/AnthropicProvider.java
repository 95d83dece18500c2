package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.config.Secret;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.DeploymentParams;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.SseChunkStream;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.provider.anthropic.AnthropicRequests.MessagesRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}). Transport only: URL, headers, and which
 * translator handles what; the translation itself is in the package's pure translators.
 */
public final class AnthropicProvider implements ChatProvider {
    static final String NAME = "anthropic";
    static final String DEFAULT_VERSION = "2023-06-01";

    /** OpenAI parameters the Messages API has no counterpart for (as LiteLLM's supported list leaves out). */
    static final ParamSupport PARAMS = new ParamSupport(NAME, Set.of(
            "n", "seed", "logprobs", "top_logprobs", "logit_bias", "presence_penalty", "frequency_penalty",
            "modalities", "audio", "prediction", "store", "service_tier", "web_search_options", "verbosity",
            "prompt_cache_key", "safety_identifier"));

    private final UpstreamCall upstream;

    public AnthropicProvider(UpstreamClient client) {
        this.upstream = new UpstreamCall(client, NAME, AnthropicErrors::parse);
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        MessagesRequest request = AnthropicRequests.toAnthropic(call.request(), call.deployment(), false);
        byte[] body = upstream.exchange(messagesUri(call.deployment()), headers(call), request.bytes(),
                call.timeout());
        return AnthropicResponses.toOpenAi(AnthropicResponses.parse(body), model(call), fallbackId(call),
                Instant.now().getEpochSecond(), request.jsonMode());
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        MessagesRequest request = AnthropicRequests.toAnthropic(call.request(), call.deployment(), true);
        UpstreamResponse response = upstream.open(messagesUri(call.deployment()), headers(call), request.bytes(),
                call.streamTimeout());
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(model(call), fallbackId(call),
                Instant.now().getEpochSecond(), request.jsonMode());
        return new SseChunkStream(response, translator, NAME, call.streamTimeout(), call.timeout());
    }

    @Override
    public ParamSupport params() {
        return PARAMS;
    }

    /** api_base as given if it ends in /v1/messages, + /messages if it ends in /v1, else + /v1/messages. */
    static URI messagesUri(Deployment deployment) {
        String base = deployment.apiBase() != null ? deployment.apiBase().toString()
                : ProviderKind.ANTHROPIC.defaultBaseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1/messages")) {
            return URI.create(base);
        }
        return URI.create(base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages");
    }

    static Map<String, String> headers(ProviderCall call) {
        Map<String, String> headers = new LinkedHashMap<>();
        Secret key = call.apiKey() != null ? call.apiKey() : call.deployment().apiKey();
        if (key != null) {
            headers.put("x-api-key", key.value());
        }
        JsonNode version = call.deployment().params().get(AnthropicRequests.VERSION_PARAM);
        headers.put("anthropic-version", version != null && version.isTextual() ? version.textValue()
                : DEFAULT_VERSION);
        headers.put("content-type", "application/json");
        DeploymentParams.addHeaders(headers, call.deployment());
        return headers;
    }

    private static String model(ProviderCall call) {
        String upstream = call.deployment().upstreamModel();
        return upstream != null ? upstream : call.request().model();
    }

    private static String fallbackId(ProviderCall call) {
        return "chatcmpl-" + (call.requestId() != null ? call.requestId() : UUID.randomUUID().toString());
    }
}
