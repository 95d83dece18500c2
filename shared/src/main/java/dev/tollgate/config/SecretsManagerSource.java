package dev.tollgate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * Secrets from AWS Secrets Manager through Powertools parameters, which caches each value for
 * {@link #MAX_AGE}: the first lookup of a name goes to Secrets Manager, later ones within the
 * window are served from memory. With a {@code primary_secret_name} (LiteLLM's layout), names are
 * keys of one JSON secret instead of secrets of their own.
 */
public final class SecretsManagerSource implements SecretSource {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsProvider provider;
    private final String primarySecretName;

    SecretsManagerSource(SecretsManagerClient client, String primarySecretName) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(MAX_AGE);
        this.provider = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
        this.primarySecretName = primarySecretName;
    }

    /**
     * A client configured from the environment map (not the JVM's): region from {@code AWS_REGION},
     * {@code AWS_REGION_NAME} (LiteLLM's) or {@code AWS_DEFAULT_REGION}; endpoint from
     * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code AWS_ENDPOINT_URL}; static credentials when
     * the map has {@code AWS_ACCESS_KEY_ID}, else the default chain (the Lambda role on AWS).
     */
    static SecretsManagerSource fromEnvironment(Map<String, String> env, String primarySecretName) {
        String region = AwsEnvironment.region(env);
        if (region == null) {
            throw new ConfigException("general_settings.key_management_system: aws_secret_manager needs a region "
                    + "(AWS_REGION)");
        }
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AwsEnvironment.credentials(env))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT));
        URI endpoint = AwsEnvironment.endpoint(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER");
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new SecretsManagerSource(builder.build(), primarySecretName);
    }

    @Override
    public Optional<Secret> lookup(String name) {
        if (primarySecretName == null) {
            return fetch(name).map(Secret::new);
        }
        return fetch(primarySecretName).map(json -> field(json, name)).map(Secret::ofNullable);
    }

    private Optional<String> fetch(String name) {
        try {
            return Optional.ofNullable(provider.get(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new SecretLookupException("AWS Secrets Manager: cannot read secret " + name + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            return value != null && value.isValueNode() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            throw new ConfigException("AWS Secrets Manager: secret " + primarySecretName
                    + " (key_management_settings.primary_secret_name) is not a JSON object");
        }
    }
}
