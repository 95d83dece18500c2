package dev.tollgate.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The AWS API emulator (moto's server mode) {@code bin/test} starts and names in {@value #VARIABLE}.
 * Under CI its absence fails the test; elsewhere it skips it. Every test uses its own resource names.
 */
public final class TestAws {
    public static final String VARIABLE = "TOLLGATE_TEST_AWS_ENDPOINT";
    public static final String REGION = "us-east-1";

    private TestAws() {
    }

    public static String endpoint() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail(VARIABLE + " is not set: run the tests through bin/test, which starts moto_server");
            }
            assumeTrue(false, VARIABLE + " is not set (bin/test sets it); skipping a test that needs moto_server");
        }
        return url;
    }

    /** The environment a process would have to reach the emulator: region, endpoint, credentials. */
    public static Map<String, String> environment() {
        return Map.of("AWS_REGION", REGION, "AWS_ENDPOINT_URL", endpoint(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
