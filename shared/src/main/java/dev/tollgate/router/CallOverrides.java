package dev.tollgate.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A caller's per-request routing overrides, from the {@code x-tollgate-*} headers or the body's
 * {@code timeout}, {@code stream_timeout}, {@code num_retries} and {@code fallbacks} (LiteLLM's
 * names). Each is bounded; a bad value is a 400 naming the header or field. A header wins over the
 * body, and both over the deployment's and the router's settings.
 */
public final class CallOverrides {
    public static final String TIMEOUT_HEADER = "x-tollgate-timeout";
    public static final String STREAM_TIMEOUT_HEADER = "x-tollgate-stream-timeout";
    public static final String NUM_RETRIES_HEADER = "x-tollgate-num-retries";
    static final int MAX_RETRIES = 10;
    static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(3600);
    private static final int MAX_SHOWN = 40;

    /** What the body asks for; null where it says nothing. */
    record FromBody(Duration timeout, Duration streamTimeout, Integer numRetries, JsonNode fallbacks) {
        static final FromBody NONE = new FromBody(null, null, null, null);
    }

    private CallOverrides() {
    }

    /** The call options a request's headers ask for ({@code header} returns null for an absent one). */
    public static CallOptions fromHeaders(String requestId, UnaryOperator<String> header) {
        String timeout = header.apply(TIMEOUT_HEADER);
        String streamTimeout = header.apply(STREAM_TIMEOUT_HEADER);
        String retries = header.apply(NUM_RETRIES_HEADER);
        if (timeout == null && streamTimeout == null && retries == null) {
            return CallOptions.of(requestId);
        }
        return new CallOptions(requestId,
                timeout == null ? null : seconds(timeout.strip(), TIMEOUT_HEADER, "Header "),
                streamTimeout == null ? null : seconds(streamTimeout.strip(), STREAM_TIMEOUT_HEADER, "Header "),
                retries == null ? null : retries(retries.strip(), NUM_RETRIES_HEADER, "Header "),
                null, null);
    }

    static FromBody fromBody(ChatRequest request) {
        var params = request.gatewayParams();
        if (params.isEmpty()) {
            return FromBody.NONE;
        }
        JsonNode fallbacks = params.get("fallbacks");
        if (fallbacks != null && !fallbacks.isNull()) {
            RequestFallbacks.validate(fallbacks);
        }
        return new FromBody(bodySeconds(params.get("timeout"), "timeout"),
                bodySeconds(params.get("stream_timeout"), "stream_timeout"),
                bodyRetries(params.get("num_retries")),
                fallbacks == null || fallbacks.isNull() ? null : fallbacks);
    }

    private static Duration bodySeconds(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        return seconds(n.isNumber() ? n.asText() : n.toString(), field, "Field ");
    }

    private static Integer bodyRetries(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return retries(n.isIntegralNumber() ? n.asText() : n.toString(), "num_retries", "Field ");
    }

    private static Duration seconds(String text, String name, String what) {
        try {
            BigDecimal s = new BigDecimal(text);
            if (s.signum() > 0 && s.compareTo(MAX_TIMEOUT_SECONDS) <= 0) {
                return Duration.ofNanos(s.movePointRight(9).longValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw GatewayException.invalid(name, what + "'" + name + "' must be a number of seconds above 0 and at most "
                + MAX_TIMEOUT_SECONDS + ", got " + shown(text) + ".");
    }

    private static int retries(String text, String name, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= MAX_RETRIES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw GatewayException.invalid(name, what + "'" + name + "' must be a whole number from 0 to " + MAX_RETRIES
                + ", got " + shown(text) + ".");
    }

    private static String shown(String text) {
        return "\"" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text) + "\"";
    }

    /** The body's {@code fallbacks}: model names, or LiteLLM's [{model: [names]}] form. */
    static final class RequestFallbacks {
        private RequestFallbacks() {
        }

        static void validate(JsonNode n) {
            if (!n.isArray()) {
                throw bad();
            }
            for (JsonNode entry : n) {
                if (entry.isObject()) {
                    entry.properties().forEach(e -> names(e.getValue()));
                } else if (!entry.isTextual() || entry.textValue().isBlank()) {
                    throw bad();
                }
            }
        }

        /** The fallbacks for {@code model}: the plain names, plus those listed under it. */
        static List<String> forModel(JsonNode n, String model) {
            List<String> out = new ArrayList<>();
            for (JsonNode entry : n) {
                if (entry.isTextual()) {
                    out.add(entry.textValue());
                } else if (entry.has(model)) {
                    out.addAll(names(entry.get(model)));
                }
            }
            return out;
        }

        private static List<String> names(JsonNode list) {
            if (!list.isArray()) {
                throw bad();
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : list) {
                if (!name.isTextual() || name.textValue().isBlank()) {
                    throw bad();
                }
                names.add(name.textValue());
            }
            return names;
        }

        private static GatewayException bad() {
            return GatewayException.invalid("fallbacks", "'fallbacks' must be a list of model names, or of "
                    + "{\"<model>\": [\"<fallback model>\", ...]} objects.");
        }
    }
}
