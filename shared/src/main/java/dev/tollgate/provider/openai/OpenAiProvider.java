package dev.tollgate.provider.openai;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.DeploymentParams;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.SseChunkStream;
import dev.tollgate.provider.UpstreamCall;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenAI and every server that speaks its chat API (Groq, Mistral, DeepSeek, Together, OpenRouter,
 * Fireworks, vLLM ...): {@code POST {api_base}/chat/completions} with a bearer key.
 */
public final class OpenAiProvider implements ChatProvider {
    private final UpstreamClient client;

    public OpenAiProvider(UpstreamClient client) {
        this.client = client;
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiRequests.toOpenAi(call.request(), call.deployment()));
        byte[] answer = upstream.exchange(url(call.deployment()), headers(call), body, call.timeout());
        return OpenAiResponses.toOpenAi(answer, upstream.provider());
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiRequests.toOpenAi(call.request(), call.deployment()));
        UpstreamResponse r = upstream.open(url(call.deployment()), headers(call), body, call.streamTimeout());
        return new SseChunkStream(r, new OpenAiStreamTranslator(upstream.provider()), upstream.provider(),
                call.streamTimeout(), call.timeout());
    }

    @Override
    public ParamSupport params() {
        return ParamSupport.all("openai");
    }

    private UpstreamCall upstream(Deployment d) {
        return new UpstreamCall(client, d.provider().prefix(), OpenAiErrors::parse);
    }

    static URI url(Deployment d) {
        return URI.create(d.apiBase() + "/chat/completions");
    }

    private static Map<String, String> headers(ProviderCall call) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (call.request().stream()) {
            h.put("Accept", "text/event-stream");
        }
        if (call.apiKey() != null) {
            h.put("Authorization", "Bearer " + call.apiKey().value());
        }
        var org = call.deployment().params().get("organization");
        if (org != null && call.deployment().provider() == ProviderKind.OPENAI) {
            h.put("OpenAI-Organization", org.asText());
        }
        DeploymentParams.addHeaders(h, call.deployment());
        return h;
    }
}
