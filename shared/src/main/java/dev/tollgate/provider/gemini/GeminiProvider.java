package dev.tollgate.provider.gemini;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Gemini API ({@code POST {api_base}/v1beta/models/{model}:generateContent}, and
 * {@code :streamGenerateContent?alt=sse}), key in {@code x-goog-api-key}. Transport only; the
 * translation is in the package's pure translators, which Vertex AI reuses.
 */
public final class GeminiProvider implements ChatProvider, EmbeddingProvider {
    static final String NAME = "gemini";

    /** OpenAI parameters generateContent has no counterpart for. */
    public static final ParamSupport PARAMS = new ParamSupport(NAME, Set.of(
            "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls", "modalities", "audio", "prediction",
            "store", "service_tier", "web_search_options", "verbosity", "prompt_cache_key", "safety_identifier"));

    private final UpstreamCall upstream;

    public GeminiProvider(UpstreamClient client) {
        this.upstream = new UpstreamCall(client, NAME, GeminiErrors::parse);
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        byte[] body = upstream.exchange(uri(call.deployment(), model(call), ":generateContent"), headers(call.apiKey(),
                call.deployment()), GeminiRequests.bytes(call.request(), call.deployment()), call.timeout());
        return GeminiResponses.toOpenAi(body, NAME, model(call), fallbackId(call.requestId()),
                Instant.now().getEpochSecond());
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        UpstreamResponse response = upstream.open(uri(call.deployment(), model(call), ":streamGenerateContent?alt=sse"),
                headers(call.apiKey(), call.deployment()), GeminiRequests.bytes(call.request(), call.deployment()),
                call.streamTimeout());
        GeminiStreamTranslator translator = new GeminiStreamTranslator(NAME, model(call),
                fallbackId(call.requestId()), Instant.now().getEpochSecond());
        return new SseChunkStream(response, translator, NAME, call.streamTimeout(), call.timeout());
    }

    @Override
    public Embeddings embed(EmbeddingCall call) {
        String model = call.deployment().upstreamModel() != null ? call.deployment().upstreamModel()
                : call.request().model();
        byte[] body = upstream.exchange(uri(call.deployment(), model, ":batchEmbedContents"),
                headers(call.apiKey(), call.deployment()), Json.bytes(GeminiEmbeddings.toGemini(call.request(), model)),
                call.timeout());
        return GeminiEmbeddings.toEmbeddings(body, call.request(), model);
    }

    @Override
    public ParamSupport params() {
        return PARAMS;
    }

    /** {api_base}/v1beta/models/{model}{method}; an api_base that already ends in /v1beta is kept as it is. */
    static URI uri(Deployment deployment, String model, String method) {
        String base = deployment.apiBase() != null ? deployment.apiBase().toString()
                : ProviderKind.GEMINI.defaultBaseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String versioned = base.endsWith("/v1beta") || base.endsWith("/v1") ? base : base + "/v1beta";
        return URI.create(versioned + "/models/" + model + method);
    }

    private static Map<String, String> headers(Secret callKey, Deployment deployment) {
        Map<String, String> headers = new LinkedHashMap<>();
        Secret key = callKey != null ? callKey : deployment.apiKey();
        if (key != null) {
            headers.put("x-goog-api-key", key.value());
        }
        headers.put("content-type", "application/json");
        DeploymentParams.addHeaders(headers, deployment);
        return headers;
    }

    private static String model(ProviderCall call) {
        String upstream = call.deployment().upstreamModel();
        return upstream != null ? upstream : call.request().model();
    }

    static String fallbackId(String requestId) {
        return "chatcmpl-" + (requestId != null ? requestId : UUID.randomUUID().toString());
    }
}
