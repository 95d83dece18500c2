package dev.tollgate.provider.vertex;

import dev.tollgate.config.Deployment;
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
import dev.tollgate.provider.StreamTranslator;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.provider.anthropic.AnthropicOnVertex;
import dev.tollgate.provider.gemini.GeminiErrors;
import dev.tollgate.provider.gemini.GeminiProvider;
import dev.tollgate.provider.gemini.GeminiRequests;
import dev.tollgate.provider.gemini.GeminiResponses;
import dev.tollgate.provider.gemini.GeminiStreamTranslator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vertex AI: Gemini models through {@code publishers/google} (the Gemini translators, same body),
 * Claude models through {@code publishers/anthropic} ({@code :rawPredict}, the Anthropic translators),
 * text embeddings through {@code :predict}. Authenticated with a service account's OAuth access token,
 * fetched and cached per account by {@link AccessTokens}; every deployment is resolved in
 * {@link #prepare}, so the request path reads no file (one that was never prepared, as in a test that
 * builds a provider by hand, is resolved on first use).
 */
public final class VertexProvider implements ChatProvider, EmbeddingProvider {
    static final String NAME = "vertex_ai";
    static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);

    /** One deployment, resolved: where its calls go and whose token they carry. */
    private record Prepared(VertexTarget target, AccessTokens tokens) {
    }

    private final UpstreamClient client;
    private final Clock clock;
    private final UpstreamCall gemini;
    private final UpstreamCall claude;
    private final Map<Deployment, Prepared> deployments = new ConcurrentHashMap<>();
    private final Map<String, AccessTokens> tokensByAccount = new ConcurrentHashMap<>();

    public VertexProvider(UpstreamClient client) {
        this(client, Clock.systemUTC());
    }

    VertexProvider(UpstreamClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.gemini = new UpstreamCall(client, NAME, GeminiErrors::parse);
        this.claude = new UpstreamCall(client, NAME, VertexProvider::parseEitherError);
    }

    @Override
    public void prepare(Deployment deployment) {
        resolve(deployment);
    }

    private Prepared resolve(Deployment d) {
        return deployments.computeIfAbsent(d, key -> {
            VertexTarget target = VertexTarget.of(key);
            ServiceAccount account = ServiceAccount.fromSetting(key.params().get(ServiceAccount.SETTING));
            AccessTokens tokens = tokensByAccount.computeIfAbsent(account.clientEmail() + " " + account.tokenUri(),
                    k -> new AccessTokens(account, new TokenEndpoint(client, account.tokenUri(), TOKEN_TIMEOUT, clock),
                            clock));
            return new Prepared(target, tokens);
        });
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        Prepared p = resolve(call.deployment());
        String model = model(call);
        long created = Instant.now().getEpochSecond();
        if (isClaude(model)) {
            AnthropicOnVertex.Body body = AnthropicOnVertex.body(call.request(), call.deployment(), false);
            byte[] answer = claude.exchange(p.target().uri("anthropic", model, "rawPredict"), headers(p, call),
                    body.bytes(), call.timeout());
            return AnthropicOnVertex.toOpenAi(answer, model, fallbackId(call), created, body.jsonMode());
        }
        byte[] answer = gemini.exchange(p.target().uri("google", model, "generateContent"), headers(p, call),
                GeminiRequests.bytes(call.request(), call.deployment()), call.timeout());
        return GeminiResponses.toOpenAi(answer, NAME, model, fallbackId(call), created);
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        Prepared p = resolve(call.deployment());
        String model = model(call);
        long created = Instant.now().getEpochSecond();
        URI uri;
        byte[] body;
        StreamTranslator translator;
        UpstreamCall upstream;
        if (isClaude(model)) {
            AnthropicOnVertex.Body b = AnthropicOnVertex.body(call.request(), call.deployment(), true);
            uri = p.target().uri("anthropic", model, "streamRawPredict");
            body = b.bytes();
            translator = AnthropicOnVertex.streamTranslator(model, fallbackId(call), created, b.jsonMode());
            upstream = claude;
        } else {
            uri = URI.create(p.target().uri("google", model, "streamGenerateContent") + "?alt=sse");
            body = GeminiRequests.bytes(call.request(), call.deployment());
            translator = new GeminiStreamTranslator(NAME, model, fallbackId(call), created);
            upstream = gemini;
        }
        UpstreamResponse response = upstream.open(uri, headers(p, call), body, call.streamTimeout());
        return new SseChunkStream(response, translator, NAME, call.streamTimeout(), call.timeout());
    }

    @Override
    public Embeddings embed(EmbeddingCall call) {
        Prepared p = resolve(call.deployment());
        String model = call.deployment().upstreamModel() != null ? call.deployment().upstreamModel()
                : call.request().model();
        Map<String, String> headers = headers(p, call.deployment());
        byte[] answer = gemini.exchange(p.target().uri("google", model, "predict"), headers,
                Json.bytes(VertexEmbeddings.toVertex(call.request())), call.timeout());
        return VertexEmbeddings.toEmbeddings(answer, call.request().inputCount(), model);
    }

    @Override
    public ParamSupport params() {
        return GeminiProvider.PARAMS;
    }

    /** Claude on Vertex takes what Claude takes; Gemini models what Gemini takes. */
    @Override
    public ParamSupport params(Deployment d) {
        return d.upstreamModel() != null && isClaude(d.upstreamModel()) ? AnthropicOnVertex.params() : params();
    }

    /** Claude models are served by Anthropic as a Vertex publisher; everything else by Google. */
    static boolean isClaude(String model) {
        return model.startsWith("claude");
    }

    private static Map<String, String> headers(Prepared p, ProviderCall call) {
        return headers(p, call.deployment());
    }

    private static Map<String, String> headers(Prepared p, Deployment d) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "Bearer " + p.tokens().get());
        headers.put("content-type", "application/json");
        DeploymentParams.addHeaders(headers, d);
        return headers;
    }

    /** Vertex answers in Google's error shape, or passes Anthropic's through for Claude models. */
    private static UpstreamCall.ErrorDetail parseEitherError(byte[] body) {
        UpstreamCall.ErrorDetail google = GeminiErrors.parse(body);
        return google.code() != null ? google : AnthropicOnVertex.parseError(body);
    }

    private static String model(ProviderCall call) {
        String upstream = call.deployment().upstreamModel();
        return upstream != null ? upstream : call.request().model();
    }

    private static String fallbackId(ProviderCall call) {
        return "chatcmpl-" + (call.requestId() != null ? call.requestId() : UUID.randomUUID().toString());
    }
}
