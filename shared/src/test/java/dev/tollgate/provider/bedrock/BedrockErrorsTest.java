package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

class BedrockErrorsTest {

    private static GatewayException service(int status, String code, String message, String retryAfter) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        if (retryAfter != null) {
            http.putHeader("Retry-After", retryAfter);
        }
        return BedrockErrors.from(BedrockRuntimeException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .sdkHttpResponse(http.build()).build()).build());
    }

    @ParameterizedTest(name = "{1} ({0}) -> {3}")
    @CsvSource({
        "400, ValidationException, bad field, INVALID_REQUEST",
        "400, ValidationException, Input is too long for requested model., CONTEXT_WINDOW_EXCEEDED",
        "400, ValidationException, 'prompt is too long: 210000 tokens > 200000 maximum', CONTEXT_WINDOW_EXCEEDED",
        "400, ValidationException, Too many input tokens. Max input tokens: 8192, CONTEXT_WINDOW_EXCEEDED",
        "403, UnrecognizedClientException, The security token included in the request is invalid., AUTHENTICATION",
        "403, AccessDeniedException, You don't have access to the model, PERMISSION_DENIED",
        "404, ResourceNotFoundException, Model not found, NOT_FOUND",
        "408, ModelTimeoutException, Model timed out, TIMEOUT",
        "424, ModelErrorException, model failed, UPSTREAM_ERROR",
        "429, ThrottlingException, Too many requests, RATE_LIMITED",
        "429, ServiceQuotaExceededException, quota, RATE_LIMITED",
        "429, ModelNotReadyException, warming up, UPSTREAM_UNAVAILABLE",
        "500, InternalServerException, boom, UPSTREAM_ERROR",
        "503, ServiceUnavailableException, overloaded, UPSTREAM_UNAVAILABLE",
        "502, SomethingNewException, odd, UPSTREAM_ERROR"})
    void mapsBedrockErrorNames(int status, String code, String message, ErrorKind kind) {
        GatewayException e = service(status, code, message, null);
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void keepsRetryAfterOfAThrottle() {
        assertEquals(Duration.ofSeconds(7), service(429, "ThrottlingException", "slow down", "7").retryAfter());
    }

    @Test
    void mapsStreamExceptionEventsByTheirMemberName() {
        assertEquals(ErrorKind.RATE_LIMITED, service(0, "throttlingException", "slow", null).kind());
        assertEquals(ErrorKind.UPSTREAM_ERROR, service(0, "modelStreamErrorException", "bad", null).kind());
    }

    @Test
    void mapsRefusedConnectionsTo503ConnectionErrors() {
        GatewayException e = BedrockErrors.from(new CompletionException(SdkClientException.create("Unable to execute",
                new ConnectException("Connection refused"))));
        assertEquals(ErrorKind.CONNECTION, e.kind());
        assertEquals(503, e.status());
    }

    @Test
    void mapsTheSdksCallTimeoutTo408() {
        assertEquals(ErrorKind.TIMEOUT, BedrockErrors.from(ApiCallTimeoutException.create(300)).kind());
    }
}
