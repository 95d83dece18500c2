package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamErrors;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SDK failures onto the error vocabulary. Bedrock names its errors ({@code x-amzn-ErrorType}, or an
 * event stream's {@code :exception-type}); the name decides, the HTTP status is the fallback.
 */
final class BedrockErrors {
    static final String NAME = "bedrock";

    private BedrockErrors() {
    }

    /** Any throwable out of an SDK call, unwrapped from futures first. */
    static GatewayException from(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof GatewayException g) {
            return g;
        }
        if (e instanceof AwsServiceException s) {
            return fromService(s);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return timeout(e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new GatewayException(ErrorKind.CONNECTION, "Could not connect to " + NAME + ".", null, null, null, e);
        }
        if (hasCause(e, java.net.SocketTimeoutException.class) || causeNamed(e, "ReadTimeoutException")) {
            return timeout(e);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials")) {
            // the SDK's message names profiles, files and roles: keep it out of the caller's answer
            return new GatewayException(ErrorKind.AUTHENTICATION, NAME + ": no usable AWS credentials for this "
                    + "deployment (aws_access_key_id / aws_profile_name, or the execution role).", null, null, null, e);
        }
        return new GatewayException(ErrorKind.CONNECTION, "Connection to " + NAME + " failed: "
                + e.getClass().getSimpleName(), null, null, null, e);
    }

    private static boolean causeNamed(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (simpleName.equals(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    static GatewayException timeout(Throwable cause) {
        return new GatewayException(ErrorKind.TIMEOUT, NAME + " did not answer in time.", null, null, null, cause);
    }

    static GatewayException fromService(AwsServiceException s) {
        AwsErrorDetails details = s.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = message(details, s);
        String retryAfter = details == null || details.sdkHttpResponse() == null ? null
                : details.sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null);
        GatewayException byStatus = UpstreamErrors.fromStatus(NAME, s.statusCode() > 0 ? s.statusCode() : 500,
                message, code, retryAfter);
        ErrorKind kind = kindOf(code, message);
        if (kind == null || kind == byStatus.kind()) {
            return byStatus;
        }
        String text = NAME + " returned " + code + (message == null || message.isBlank() ? "" : ": " + message);
        return new GatewayException(kind, text, null, null, byStatus.retryAfter(), null);
    }

    /**
     * The service's own message. The SDK leaves it out for error names it has no class for
     * (UnrecognizedClientException ...); then it is read from the raw body.
     */
    static String message(AwsErrorDetails details, AwsServiceException s) {
        if (details == null) {
            return s.getMessage();
        }
        if (details.errorMessage() != null) {
            return details.errorMessage();
        }
        if (details.rawResponse() != null) {
            try {
                JsonNode body = Json.MAPPER.readTree(details.rawResponse().asByteArray());
                for (String field : new String[] {"message", "Message"}) {
                    if (body != null && body.path(field).isTextual()) {
                        return body.path(field).asText();
                    }
                }
            } catch (IOException | RuntimeException notJson) {
                // no readable body: the SDK's own message below
            }
        }
        return s.getMessage();
    }

    /** The kind an error name stands for; null for a name we do not know (the status decides). */
    static ErrorKind kindOf(String code, String message) {
        if (code == null) {
            return null;
        }
        String hay = ((message == null ? "" : message) + " " + code).toLowerCase(Locale.ROOT);
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "validationexception" -> isContextOverflow(hay) ? ErrorKind.CONTEXT_WINDOW_EXCEEDED
                    : UpstreamErrors.isContentPolicy(hay) ? ErrorKind.CONTENT_POLICY : ErrorKind.INVALID_REQUEST;
            case "unrecognizedclientexception", "invalidsignatureexception", "expiredtokenexception",
                 "incompletesignature", "missingauthenticationtokenexception" -> ErrorKind.AUTHENTICATION;
            case "accessdeniedexception" -> ErrorKind.PERMISSION_DENIED;
            case "resourcenotfoundexception" -> ErrorKind.NOT_FOUND;
            case "modeltimeoutexception" -> ErrorKind.TIMEOUT;
            case "throttlingexception", "servicequotaexceededexception" -> ErrorKind.RATE_LIMITED;
            case "serviceunavailableexception", "modelnotreadyexception" -> ErrorKind.UPSTREAM_UNAVAILABLE;
            case "internalserverexception", "modelerrorexception", "modelstreamerrorexception" -> ErrorKind.UPSTREAM_ERROR;
            default -> null;
        };
    }

    /** Bedrock's wordings for a prompt over the model's window, beside the common ones. */
    static boolean isContextOverflow(String lowerCaseText) {
        return UpstreamErrors.isContextOverflow(lowerCaseText)
                || lowerCaseText.contains("too many input tokens")
                || lowerCaseText.contains("input token count exceeds");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
