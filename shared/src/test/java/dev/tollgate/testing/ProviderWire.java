package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * How one provider speaks over HTTP, for {@link MockUpstream}: its real response bodies, stream
 * frames and error bodies, built from a provider-neutral {@link Answer}. One implementation per
 * provider family; the conformance suite runs every scenario against each.
 */
public interface ProviderWire {

    /** The config prefix of the provider this wire stands in for, e.g. {@code anthropic}. */
    String prefix();

    /** What to write as {@code api_base} so that the provider calls the mock rooted at {@code mockRoot}. */
    String apiBase(String mockRoot);

    /** Whether a request to {@code path} with {@code body} asks for a stream. */
    boolean isStream(String path, JsonNode body);

    /** The 200 body of a non-streamed answer. */
    byte[] body(Answer answer, String model);

    /** The stream frames of an answer, each complete (an SSE event with its blank line, or an NDJSON line), end marker included. */
    List<String> events(Answer answer, String model);

    /**
     * The stream frames as bytes, what the mock actually writes. Text wires leave this alone; a binary
     * wire (AWS event stream) overrides it and may return an empty {@link #events} list.
     */
    default List<byte[]> frameBytes(Answer answer, String model) {
        return events(answer, model).stream().map(f -> f.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** The error frame as bytes, or null; binary wires override it. */
    default byte[] streamErrorFrame(String message) {
        String e = streamErrorEvent(message);
        return e == null ? null : e.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Content-Type of a stream, e.g. {@code text/event-stream}. */
    default String streamContentType() {
        return "text/event-stream";
    }

    /** An error body in the provider's own shape. */
    byte[] errorBody(int status, String message);

    /** The stream frame the provider sends for an error after a stream has begun, or null if it has none. */
    default String streamErrorEvent(String message) {
        return null;
    }

    /** Extra headers of an error response, e.g. the error name where a provider carries it in a header. */
    default java.util.Map<String, String> errorHeaders(int status, String message) {
        return java.util.Map.of();
    }

    /** The API key the gateway sent, read from wherever this provider carries it. */
    String apiKeyFrom(Headers headers);

    /**
     * The key {@link #apiKeyFrom} should find when the deployment is configured with {@code configuredKey}:
     * that key itself, unless the provider authenticates otherwise (an OAuth token the mock issued).
     */
    default String expectedApiKey(String configuredKey) {
        return configuredKey;
    }

    /** The upstream model id a deployment named {@code modelName} calls, e.g. one the provider routes on. */
    default String upstreamModel(String modelName) {
        return "upstream-" + modelName;
    }

    /** Extra {@code litellm_params} a deployment of this provider needs to call the mock at {@code mockRoot} (a region, credentials). */
    default java.util.Map<String, JsonNode> deploymentParams(String mockRoot) {
        return java.util.Map.of();
    }

    /**
     * The answer to a request the provider makes besides its API calls (a token endpoint), or null
     * when {@code path} is an API call. Such requests are neither recorded nor consume the script.
     */
    default byte[] auxiliary(String path, byte[] body) {
        return null;
    }
}
