package dev.tollgate.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where one Vertex AI deployment's calls go: project, location and base URL, from
 * {@code vertex_project}, {@code vertex_location} (default {@value #DEFAULT_LOCATION}) and
 * {@code api_base} (default {@code https://{location}-aiplatform.googleapis.com}, or
 * {@code https://aiplatform.googleapis.com} for the {@code global} location).
 */
record VertexTarget(String project, String location, String baseUrl) {
    static final String DEFAULT_LOCATION = "us-central1";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*", Pattern.CASE_INSENSITIVE);

    static VertexTarget of(Deployment d) {
        String project = text(d.params().get("vertex_project"));
        if (project == null || !NAME.matcher(project).matches()) {
            throw new IllegalArgumentException("vertex_project is " + (project == null ? "not set (nor VERTEXAI_PROJECT)"
                    : "not a project id: " + project));
        }
        String location = text(d.params().get("vertex_location"));
        location = location == null ? DEFAULT_LOCATION : location.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(location).matches()) {
            throw new IllegalArgumentException("vertex_location is not a location: " + location);
        }
        return new VertexTarget(project, location, baseUrl(d.apiBase(), location));
    }

    private static String baseUrl(URI apiBase, String location) {
        String base = apiBase != null ? apiBase.toString() : "global".equals(location)
                ? "https://aiplatform.googleapis.com" : "https://" + location + "-aiplatform.googleapis.com";
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** {@code {base}/v1/projects/{p}/locations/{l}/publishers/{publisher}/models/{model}:{method}} */
    URI uri(String publisher, String model, String method) {
        return URI.create(baseUrl + "/v1/projects/" + project + "/locations/" + location + "/publishers/" + publisher
                + "/models/" + model + ":" + method);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }
}
