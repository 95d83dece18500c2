package dev.tollgate.completion;

import dev.tollgate.config.AwsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client of the AWS runtime, configured as {@link AwsEnvironment} says (region,
 * {@code AWS_ENDPOINT_URL_DYNAMODB} for LocalStack, the Lambda role's credentials).
 * A read on the request path is bounded: it fails in {@link #CALL_TIMEOUT} rather than hold the call.
 */
final class DynamoClient {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private DynamoClient() {
    }

    /** Null when the environment names no region. */
    static DynamoDbClient fromEnvironment(Map<String, String> env) {
        String region = AwsEnvironment.region(env);
        if (region == null) {
            return null;
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AwsEnvironment.credentials(env))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(CALL_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
        URI endpoint = AwsEnvironment.endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
