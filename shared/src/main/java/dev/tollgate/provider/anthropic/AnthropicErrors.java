package dev.tollgate.provider.anthropic;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.provider.UpstreamErrors;
import dev.tollgate.provider.anthropic.MessagesWire.ErrorDetail;
import dev.tollgate.provider.anthropic.MessagesWire.ErrorEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Anthropic's error body {@code {"type":"error","error":{"type","message"}}}: read for the message
 * and the error type (used as the code), and, for an {@code error} event inside a stream, mapped
 * onto the error vocabulary by its type, since a stream has no status of its own.
 */
final class AnthropicErrors {
    private static final int MAX_RAW_MESSAGE = 500;

    private AnthropicErrors() {
    }

    /** Message and type of an error body; never throws, whatever the body holds. */
    static UpstreamCall.ErrorDetail parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new UpstreamCall.ErrorDetail(null, null);
        }
        try {
            ErrorEnvelope envelope = Json.MAPPER.readValue(body, ErrorEnvelope.class);
            ErrorDetail e = envelope == null ? null : envelope.error();
            if (e != null && (e.message() != null || e.type() != null)) {
                return new UpstreamCall.ErrorDetail(e.message(), e.type());
            }
        } catch (IOException | RuntimeException notAnError) {
            // not Anthropic's shape: fall through to the raw text
        }
        return new UpstreamCall.ErrorDetail(raw(body), null);
    }

    private static String raw(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_RAW_MESSAGE * 4), StandardCharsets.UTF_8).strip();
        return text.length() > MAX_RAW_MESSAGE ? text.substring(0, MAX_RAW_MESSAGE) : text;
    }

    /** The exception for an {@code error} event received after a stream has begun. */
    static GatewayException fromStreamError(ErrorDetail error) {
        String type = error == null || error.type() == null ? "api_error" : error.type();
        String message = error == null || error.message() == null ? "" : error.message();
        return new GatewayException(kindOf(type, message), "anthropic stream failed: " + type
                + (message.isEmpty() ? "" : ": " + message), null, type, null, null);
    }

    static ErrorKind kindOf(String type, String message) {
        String hay = (message + " " + type).toLowerCase(Locale.ROOT);
        return switch (type) {
            case "invalid_request_error" -> UpstreamErrors.isContextOverflow(hay) ? ErrorKind.CONTEXT_WINDOW_EXCEEDED
                    : UpstreamErrors.isContentPolicy(hay) ? ErrorKind.CONTENT_POLICY : ErrorKind.INVALID_REQUEST;
            case "authentication_error" -> ErrorKind.AUTHENTICATION;
            case "permission_error", "billing_error" -> ErrorKind.PERMISSION_DENIED;
            case "not_found_error" -> ErrorKind.NOT_FOUND;
            case "request_too_large" -> ErrorKind.REQUEST_TOO_LARGE;
            case "rate_limit_error" -> ErrorKind.RATE_LIMITED;
            case "timeout_error" -> ErrorKind.TIMEOUT;
            case "overloaded_error" -> ErrorKind.UPSTREAM_UNAVAILABLE;
            default -> ErrorKind.UPSTREAM_ERROR;
        };
    }
}
