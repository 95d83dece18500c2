package dev.tollgate.provider.ollama;

import dev.tollgate.config.Deployment;
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
import dev.tollgate.provider.NdjsonChunkStream;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.UpstreamCall;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ollama's native API for both {@code ollama/} and {@code ollama_chat/}: {@code POST {api_base}/api/chat}
 * (NDJSON when streaming) and {@code /api/embed}. Ollama has no keys; a configured key is sent as a
 * bearer, for the proxies that usually guard a shared Ollama.
 */
public final class OllamaProvider implements ChatProvider, EmbeddingProvider {
    private final UpstreamClient client;

    public OllamaProvider(UpstreamClient client) {
        this.client = client;
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OllamaRequests.toOllama(call.request(), call.deployment()));
        byte[] answer = upstream.exchange(url(call.deployment(), "/api/chat"), headers(call.apiKey(), call.deployment()),
                body, call.timeout());
        return OllamaResponses.toOpenAi(answer, upstream.provider(), idSeed(call.requestId()), now());
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OllamaRequests.toOllama(call.request(), call.deployment()));
        Map<String, String> headers = headers(call.apiKey(), call.deployment());
        headers.put("Accept", "application/x-ndjson");
        UpstreamResponse r = upstream.open(url(call.deployment(), "/api/chat"), headers, body, call.streamTimeout());
        var translator = new OllamaStreamTranslator(upstream.provider(), idSeed(call.requestId()),
                call.deployment().upstreamModel(), now());
        return new NdjsonChunkStream(r, translator, upstream.provider(), call.streamTimeout(), call.timeout());
    }

    @Override
    public Embeddings embed(EmbeddingCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OllamaEmbeddings.toOllama(call.request(), call.deployment()));
        byte[] answer = upstream.exchange(url(call.deployment(), "/api/embed"), headers(call.apiKey(), call.deployment()),
                body, call.timeout());
        return OllamaEmbeddings.toEmbeddings(answer, upstream.provider(), call.request().inputCount());
    }

    /** Ollama answers one choice; {@code n: 1} is let through as harmless. */
    @Override
    public ParamSupport params() {
        return new ParamSupport("ollama", Set.of("n"));
    }

    private UpstreamCall upstream(Deployment d) {
        return new UpstreamCall(client, d.provider().prefix(), OllamaErrors::parse);
    }

    static URI url(Deployment d, String path) {
        String base = d.apiBase().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    static Map<String, String> headers(Secret apiKey, Deployment d) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (apiKey != null && !apiKey.value().isBlank()) {
            h.put("Authorization", "Bearer " + apiKey.value());
        }
        DeploymentParams.addHeaders(h, d);
        return h;
    }

    private static String idSeed(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
