package dev.tollgate.provider.azure;

import dev.tollgate.config.Deployment;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.EmbeddingProvider;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.SseChunkStream;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.provider.openai.OpenAiWireFormat;

/**
 * Azure OpenAI: {@code POST {api_base}/openai/deployments/{deployment}/chat/completions?api-version=...}
 * with OpenAI's bodies. The {@code model} field stays in the body; Azure ignores it and routes by
 * the deployment in the URL. Answers with {@code finish_reason: content_filter} pass through as they are.
 */
public final class AzureProvider implements ChatProvider, EmbeddingProvider {
    private final UpstreamClient client;

    public AzureProvider(UpstreamClient client) {
        this.client = client;
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiWireFormat.toOpenAi(call.request(), call.deployment()));
        byte[] answer = upstream.exchange(AzureEndpoints.url(call.deployment(), "chat/completions"),
                AzureEndpoints.headers(call.apiKey(), call.deployment(), false), body, call.timeout());
        return OpenAiWireFormat.completion(answer, upstream.provider());
    }

    @Override
    public ChunkStream stream(ProviderCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiWireFormat.toOpenAi(call.request(), call.deployment()));
        UpstreamResponse r = upstream.open(AzureEndpoints.url(call.deployment(), "chat/completions"),
                AzureEndpoints.headers(call.apiKey(), call.deployment(), true), body, call.streamTimeout());
        var translator = new AzureStreamTranslator(OpenAiWireFormat.streamTranslator(upstream.provider()));
        return new SseChunkStream(r, translator, upstream.provider(),
                call.streamTimeout(), call.timeout());
    }

    @Override
    public Embeddings embed(EmbeddingCall call) {
        UpstreamCall upstream = upstream(call.deployment());
        byte[] body = Json.bytes(OpenAiWireFormat.toOpenAi(call.request(), call.deployment()));
        byte[] answer = upstream.exchange(AzureEndpoints.url(call.deployment(), "embeddings"),
                AzureEndpoints.headers(call.apiKey(), call.deployment(), false), body, call.timeout());
        return OpenAiWireFormat.embeddings(answer, upstream.provider(), call.request().inputCount());
    }

    @Override
    public ParamSupport params() {
        return ParamSupport.all("azure");
    }

    /** Azure needs a key or an Entra ID token; without either every call would fail with 401. */
    @Override
    public void prepare(Deployment d) {
        var adToken = d.params().get(AzureEndpoints.AD_TOKEN_PARAM);
        boolean hasToken = adToken != null && adToken.isTextual() && !adToken.asText().isBlank();
        if (d.apiKey() == null && !hasToken) {
            throw new IllegalArgumentException("azure needs api_key (or AZURE_API_KEY / AZURE_OPENAI_API_KEY) "
                    + "or azure_ad_token");
        }
    }

    private UpstreamCall upstream(Deployment d) {
        return new UpstreamCall(client, d.provider().prefix(), AzureErrors::parse);
    }
}
