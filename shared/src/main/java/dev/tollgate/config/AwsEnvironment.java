package dev.tollgate.config;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How AWS clients are configured from an environment map (not the JVM's), the same way for every
 * service: region, endpoint override, credentials.
 */
public final class AwsEnvironment {
    private AwsEnvironment() {
    }

    /** {@code AWS_REGION}, {@code AWS_REGION_NAME} (LiteLLM's) or {@code AWS_DEFAULT_REGION}; null when none. */
    public static String region(Map<String, String> env) {
        return first(env, "AWS_REGION", "AWS_REGION_NAME", "AWS_DEFAULT_REGION");
    }

    /** The service's own endpoint variable ({@code AWS_ENDPOINT_URL_DYNAMODB} ...), else {@code AWS_ENDPOINT_URL}; null for AWS's. */
    public static URI endpoint(Map<String, String> env, String serviceVariable) {
        String endpoint = first(env, serviceVariable, "AWS_ENDPOINT_URL");
        return endpoint == null ? null : URI.create(endpoint);
    }

    /** Static credentials when the map has {@code AWS_ACCESS_KEY_ID}, else the default chain (the Lambda role). */
    public static AwsCredentialsProvider credentials(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token));
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
