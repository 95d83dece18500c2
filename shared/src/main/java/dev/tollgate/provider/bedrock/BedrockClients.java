package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * One deployment's SDK clients: a blocking one (Converse, InvokeModel) and a Netty one
 * (ConverseStream). Built from LiteLLM's {@code aws_*} settings at start-up; SDK retries are off,
 * the router owns retries. The HTTP clients under them are shared by every deployment
 * ({@link Http}): one connection pool and one Netty event loop, whatever the number of deployments.
 */
record BedrockClients(BedrockRuntimeClient sync, BedrockRuntimeAsyncClient async) {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Generous: each call is bounded by its own deadline, this only caps sockets per instance. */
    private static final int MAX_CONNECTIONS = 512;

    /**
     * The HTTP clients all deployments share; the SDK clients built on them leave them open. The
     * SDK's 30 s read timeout is off: a long non-streamed answer or a slow first token is bounded by
     * the deployment's {@code timeout} / {@code stream_timeout}, as for every other provider.
     */
    record Http(SdkHttpClient sync, SdkAsyncHttpClient async) {
        static Http create() {
            return new Http(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(Duration.ZERO).maxConnections(MAX_CONNECTIONS).build(),
                    NettyNioAsyncHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                            .readTimeout(Duration.ZERO).maxConcurrency(MAX_CONNECTIONS).build());
        }
    }

    static BedrockClients forDeployment(Deployment d, Http http) {
        Region region = region(d.params());
        AwsCredentialsProvider credentials = credentials(d.params());
        URI endpoint = endpoint(d);
        ClientOverrideConfiguration noRetries = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).build();
        var sync = BedrockRuntimeClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http.sync())
                .overrideConfiguration(noRetries);
        var async = BedrockRuntimeAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http.async())
                .overrideConfiguration(noRetries);
        if (endpoint != null) {
            sync.endpointOverride(endpoint);
            async.endpointOverride(endpoint);
        }
        return new BedrockClients(sync.build(), async.build());
    }

    static Region region(Map<String, JsonNode> params) {
        String name = text(params, "aws_region_name");
        if (name != null) {
            return Region.of(name);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("aws_region_name is not set and no default AWS region is configured"
                    + " (AWS_REGION or a profile's region).");
        }
    }

    static AwsCredentialsProvider credentials(Map<String, JsonNode> params) {
        String keyId = text(params, "aws_access_key_id");
        String secret = text(params, "aws_secret_access_key");
        String token = text(params, "aws_session_token");
        String profile = text(params, "aws_profile_name");
        if (keyId == null != (secret == null)) {
            throw new IllegalArgumentException("aws_access_key_id and aws_secret_access_key must be given together.");
        }
        if (keyId != null) {
            return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token));
        }
        if (token != null) {
            throw new IllegalArgumentException("aws_session_token needs aws_access_key_id and aws_secret_access_key.");
        }
        return profile != null ? ProfileCredentialsProvider.create(profile) : DefaultCredentialsProvider.builder().build();
    }

    /** {@code aws_bedrock_runtime_endpoint}, else {@code api_base}, else the SDK's regional endpoint (null). */
    static URI endpoint(Deployment d) {
        String configured = text(d.params(), "aws_bedrock_runtime_endpoint");
        if (configured == null) {
            return d.apiBase();
        }
        try {
            URI uri = URI.create(configured);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aws_bedrock_runtime_endpoint must be an absolute URL, got '"
                    + configured + "'.");
        }
    }

    private static String text(Map<String, JsonNode> params, String name) {
        JsonNode v = params.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
