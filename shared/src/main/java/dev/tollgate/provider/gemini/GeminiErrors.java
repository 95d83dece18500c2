package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.provider.UpstreamErrors;
import dev.tollgate.provider.gemini.GenerateWire.ErrorBody;
import dev.tollgate.provider.gemini.GenerateWire.ErrorEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Google's error body {@code {"error":{"code","message","status"}}} (Gemini API and Vertex AI alike):
 * read for the message and the status (used as the code). Gemini reports overload as 503 UNAVAILABLE
 * and quota as 429 RESOURCE_EXHAUSTED; the status code carries that, so the shared mapping applies.
 */
public final class GeminiErrors {
    private static final int MAX_RAW_MESSAGE = 500;

    private GeminiErrors() {
    }

    /** Message and status of an error body; never throws, whatever the body holds. */
    public static UpstreamCall.ErrorDetail parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new UpstreamCall.ErrorDetail(null, null);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            // Vertex AI wraps the error in an array for calls that stream without alt=sse
            JsonNode first = tree != null && tree.isArray() && !tree.isEmpty() ? tree.get(0) : tree;
            ErrorEnvelope envelope = Json.MAPPER.treeToValue(first, ErrorEnvelope.class);
            ErrorBody e = envelope == null ? null : envelope.error();
            if (e != null && (e.message() != null || e.status() != null)) {
                return new UpstreamCall.ErrorDetail(e.message(), e.status());
            }
        } catch (IOException | RuntimeException notAnError) {
            // not Google's shape (a proxy's HTML page ...): fall through to the raw text
        }
        String text = new String(body, 0, Math.min(body.length, MAX_RAW_MESSAGE * 4), StandardCharsets.UTF_8).strip();
        return new UpstreamCall.ErrorDetail(text.length() > MAX_RAW_MESSAGE ? text.substring(0, MAX_RAW_MESSAGE)
                : text, null);
    }

    /** An error object sent as a stream chunk after the stream began: mapped by its HTTP code, then status. */
    static GatewayException fromStreamError(String provider, ErrorBody error) {
        int code = error.code() != null ? error.code() : statusCode(error.status());
        GatewayException mapped = UpstreamErrors.fromStatus(provider, code, error.message(), error.status(), null);
        return new GatewayException(mapped.kind(), provider + " stream failed: "
                + (error.message() == null ? String.valueOf(error.status()) : error.message()), null, null, null, null);
    }

    private static int statusCode(String status) {
        return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            default -> 500;
        };
    }

    static GatewayException unreadable(String provider, String what) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned " + what + ".");
    }
}
