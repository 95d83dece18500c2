package dev.tollgate.completion;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client of the AWS runtime: region from {@code AWS_REGION} (or
 * {@code AWS_DEFAULT_REGION}), endpoint from {@code AWS_ENDPOINT_URL_DYNAMODB} or
 * {@code AWS_ENDPOINT_URL} (LocalStack), credentials from the default chain (the Lambda role).
 * A read on the request path is bounded: it fails in {@link #CALL_TIMEOUT} rather than hold the call.
 */
final class DynamoClient {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private DynamoClient() {
    }

    /** Null when the environment names no region. */
    static DynamoDbClient fromEnvironment(Map<String, String> env) {
        String region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (region == null) {
            return null;
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(CALL_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
        String endpoint = first(env, "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
