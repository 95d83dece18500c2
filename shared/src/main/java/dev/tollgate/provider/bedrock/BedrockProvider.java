package dev.tollgate.provider.bedrock;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.EmbeddingProvider;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.provider.ParamSupport;
import dev.tollgate.provider.ProviderCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Amazon Bedrock through the AWS SDK (SigV4, the default credential chain): Converse for answers,
 * ConverseStream for streams, InvokeModel for embeddings. Transport only; translation is in the
 * package's pure translators. One client pair per deployment, built in {@link #prepare}.
 */
public final class BedrockProvider implements ChatProvider, EmbeddingProvider {
    /** What Converse has no field for (LiteLLM's supported list for Converse leaves these out). */
    private static final ParamSupport PARAMS = new ParamSupport(BedrockErrors.NAME, Set.of(
            "n", "seed", "logprobs", "top_logprobs", "logit_bias", "presence_penalty", "frequency_penalty",
            "parallel_tool_calls", "modalities", "audio", "prediction", "store", "service_tier",
            "web_search_options", "verbosity", "prompt_cache_key", "safety_identifier", "reasoning_effort"));

    private final Map<String, BedrockClients> clients = new ConcurrentHashMap<>();
    /** Created by the first {@link #prepare}: no Netty threads in a gateway without Bedrock deployments. */
    private BedrockClients.Http http;

    @Override
    public synchronized void prepare(Deployment deployment) {
        if (http == null) {
            http = BedrockClients.Http.create();
        }
        clients.computeIfAbsent(deployment.id(), id -> BedrockClients.forDeployment(deployment, http));
    }

    @Override
    public ParamSupport params() {
        return PARAMS;
    }

    @Override
    public ChatCompletion complete(ProviderCall call) {
        BedrockRequests.Converse converse = BedrockRequests.toConverse(call.request(), call.deployment());
        var request = converse.toRequest().toBuilder().overrideConfiguration(timeout(call.timeout())).build();
        try {
            ConverseResponse response = clients(call.deployment()).sync().converse(request);
            return BedrockResponses.toOpenAi(response, converse.modelId(), fallbackId(call.requestId()),
                    Instant.now().getEpochSecond(), converse.jsonMode());
        } catch (SdkException e) {
            throw BedrockErrors.from(e);
        }
    }

    /** Returns once Bedrock accepted the call; waits at most the stream timeout for that. */
    @Override
    public ChunkStream stream(ProviderCall call) {
        BedrockRequests.Converse converse = BedrockRequests.toConverse(call.request(), call.deployment());
        BedrockChunkStream stream = new BedrockChunkStream(new BedrockStreamTranslator(fallbackId(call.requestId()),
                Instant.now().getEpochSecond(), converse.modelId(), converse.jsonMode()), call.streamTimeout(),
                call.timeout());
        CompletableFuture<ConverseStreamResponse> accepted = new CompletableFuture<>();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onResponse(accepted::complete)
                .onError(e -> {
                    accepted.completeExceptionally(e);
                    stream.failed(e);
                })
                .onEventStream(publisher -> publisher.subscribe(stream))
                .build();
        stream.attach(clients(call.deployment()).async().converseStream(converse.toStreamRequest(), handler));
        try {
            accepted.get(call.streamTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return stream;
        } catch (TimeoutException e) {
            stream.close();
            throw BedrockErrors.timeout(e);
        } catch (ExecutionException e) {
            stream.close();
            throw BedrockErrors.from(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.close();
            throw new GatewayException(ErrorKind.CONNECTION, "Call to bedrock was interrupted.");
        }
    }

    @Override
    public Embeddings embed(EmbeddingCall call) {
        String modelId = call.deployment().upstreamModel() != null ? call.deployment().upstreamModel()
                : call.request().model();
        BedrockEmbeddings.Family family = BedrockEmbeddings.family(modelId);
        List<float[]> vectors = new ArrayList<>();
        int tokens = 0;
        long deadline = System.nanoTime() + call.timeout().toNanos();
        for (BedrockEmbeddings.Invocation inv : BedrockEmbeddings.toBedrock(call.request(), family)) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            BedrockEmbeddings.Result result = invoke(call.deployment(), modelId, inv, family, left);
            vectors.addAll(result.vectors());
            tokens += result.tokens();
        }
        return new Embeddings(vectors, tokens, modelId);
    }

    private BedrockEmbeddings.Result invoke(Deployment d, String modelId, BedrockEmbeddings.Invocation inv,
                                            BedrockEmbeddings.Family family, Duration timeout) {
        InvokeModelRequest request = InvokeModelRequest.builder().modelId(modelId).contentType("application/json")
                .accept("application/json").body(SdkBytes.fromByteArray(inv.body()))
                .overrideConfiguration(timeout(timeout)).build();
        try {
            InvokeModelResponse response = clients(d).sync().invokeModel(request);
            Integer headerTokens = response.sdkHttpResponse().firstMatchingHeader(BedrockEmbeddings.TOKEN_COUNT_HEADER)
                    .map(BedrockProvider::parseIntOrNull).orElse(null);
            BedrockEmbeddings.Result result = BedrockEmbeddings.toOpenAi(response.body().asByteArray(), family,
                    headerTokens);
            if (result.vectors().size() != inv.inputs()) {
                throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "bedrock returned " + result.vectors().size()
                        + " embeddings for " + inv.inputs() + " inputs.");
            }
            return result;
        } catch (SdkException e) {
            throw BedrockErrors.from(e);
        }
    }

    private BedrockClients clients(Deployment d) {
        BedrockClients c = clients.get(d.id());
        if (c == null) {
            throw new GatewayException(ErrorKind.INTERNAL, "Deployment '" + d.modelName() + "' was not prepared.");
        }
        return c;
    }

    private static AwsRequestOverrideConfiguration timeout(Duration timeout) {
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build();
    }

    private static Integer parseIntOrNull(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fallbackId(String requestId) {
        return "chatcmpl-" + (requestId != null ? requestId : UUID.randomUUID().toString());
    }
}
