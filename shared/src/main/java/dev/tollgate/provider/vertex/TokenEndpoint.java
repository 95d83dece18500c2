package dev.tollgate.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Google's OAuth 2.0 token endpoint: a form POST of the signed assertion, answered with
 * {@code {"access_token","expires_in","token_type"}}. A refusal is an authentication error (401)
 * with the endpoint's own reason; an unreachable or slow endpoint stays a connection error or a
 * timeout, so the router may retry. No message includes the key or the assertion.
 */
final class TokenEndpoint implements AccessTokens.Exchange {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Map<String, String> FORM = Map.of("content-type", "application/x-www-form-urlencoded");

    private final UpstreamCall upstream;
    private final URI uri;
    private final Duration timeout;
    private final Clock clock;

    TokenEndpoint(UpstreamClient client, URI uri, Duration timeout, Clock clock) {
        this.upstream = new UpstreamCall(client, "vertex_ai token endpoint", TokenEndpoint::parseError);
        this.uri = uri;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public AccessTokens.Token fetch(String assertion) {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        byte[] answer;
        try {
            answer = upstream.exchange(uri, FORM, form.getBytes(StandardCharsets.US_ASCII), timeout);
        } catch (GatewayException e) {
            // a refused grant (400, 401, 403) is a credentials problem; 429 and 5xx keep their own kind,
            // so the router may retry and Retry-After survives
            if (e.kind() == ErrorKind.INVALID_REQUEST || e.kind() == ErrorKind.AUTHENTICATION
                    || e.kind() == ErrorKind.PERMISSION_DENIED) {
                throw refused(e.getMessage());
            }
            throw e;
        }
        return parse(answer);
    }

    private AccessTokens.Token parse(byte[] answer) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw refused("the token endpoint answered with something that is not JSON");
        }
        String token = json.path("access_token").asText("");
        if (token.isEmpty()) {
            throw refused("the token endpoint's answer has no access_token");
        }
        long seconds = json.path("expires_in").asLong(3600);
        return new AccessTokens.Token(token, clock.instant().plusSeconds(seconds));
    }

    private static GatewayException refused(String why) {
        return new GatewayException(ErrorKind.AUTHENTICATION, "vertex_ai could not get an access token: " + why);
    }

    /** {@code {"error":"invalid_grant","error_description":"..."}}, OAuth's error shape. */
    static UpstreamCall.ErrorDetail parseError(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json != null && json.has("error")) {
                String code = json.path("error").isTextual() ? json.path("error").asText() : null;
                String description = json.path("error_description").asText(code);
                return new UpstreamCall.ErrorDetail(description, code);
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: no detail
        }
        return new UpstreamCall.ErrorDetail(null, null);
    }
}
