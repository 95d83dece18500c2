package dev.tollgate.provider.openai;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.config.Secret;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.DeploymentParams;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.EmbeddingProvider;
import dev.tollgate.provider.Embeddings;
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
public final class OpenAiProvider implements ChatProvider, EmbeddingProvider {
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
    public Embeddings embed(EmbeddingCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiEmbeddings.toOpenAi(call.request(), call.deployment()));
        Map<String, String> headers = headers(call.apiKey(), call.deployment(), false);
        byte[] answer = upstream.exchange(URI.create(call.deployment().apiBase() + "/embeddings"), headers, body,
                call.timeout());
        return OpenAiEmbeddings.toEmbeddings(answer, upstream.provider(), call.request().inputCount());
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
        return headers(call.apiKey(), call.deployment(), call.request().stream());
    }

    private static Map<String, String> headers(Secret apiKey, Deployment d, boolean stream) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (stream) {
            h.put("Accept", "text/event-stream");
        }
        if (apiKey != null) {
            h.put("Authorization", "Bearer " + apiKey.value());
        }
        var org = d.params().get("organization");
        if (org != null && d.provider() == ProviderKind.OPENAI) {
            h.put("OpenAI-Organization", org.asText());
        }
        DeploymentParams.addHeaders(h, d);
        return h;
    }
}
