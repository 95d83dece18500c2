package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Regression tests for what the review of the Bedrock provider found. */
class BedrockReviewFixesTest {

    @Test
    void keepsTheCredentialChainsDetailsOutOfTheCallersAnswer() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers in "
                + "the chain: ProfileCredentialsProvider(profileName=prod, profileFile=/root/.aws/credentials), "
                + "WebIdentityTokenFileCredentialsProvider(roleArn=arn:aws:iam::123456789012:role/secret)");
        GatewayException g = BedrockErrors.from(e);
        assertEquals(ErrorKind.AUTHENTICATION, g.kind());
        assertFalse(g.getMessage().contains("/root/.aws") || g.getMessage().contains("123456789012"), g.getMessage());
    }

    @Test
    void reportsAReadTimeoutAsATimeout() {
        SdkClientException e = SdkClientException.create("Unable to execute HTTP request: Read timed out",
                new SocketTimeoutException("Read timed out"));
        assertEquals(ErrorKind.TIMEOUT, BedrockErrors.from(e).kind());
    }

    @Test
    void namesNoSdkDetailForOtherClientFailures() {
        SdkClientException e = SdkClientException.create("Unable to execute HTTP request: host=secret-host.internal");
        GatewayException g = BedrockErrors.from(e);
        assertEquals(ErrorKind.CONNECTION, g.kind());
        assertFalse(g.getMessage().contains("secret-host"), g.getMessage());
    }
}
