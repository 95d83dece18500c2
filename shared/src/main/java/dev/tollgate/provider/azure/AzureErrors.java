package dev.tollgate.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;
import dev.tollgate.provider.openai.OpenAiWireFormat;
import java.io.IOException;

/**
 * Azure's error bodies are OpenAI's, plus {@code error.innererror}: a prompt blocked by the content
 * filter is a 400 with {@code code: content_filter} and {@code innererror.code:
 * ResponsibleAIPolicyViolation}. Either marks the error as a content-policy one. Pure; never throws.
 */
final class AzureErrors {
    static final String CONTENT_FILTER = "content_filter";

    private AzureErrors() {
    }

    static ErrorDetail parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return OpenAiWireFormat.error(body);
        }
        ErrorDetail detail = OpenAiWireFormat.error(root);
        return isContentFilter(root) ? new ErrorDetail(detail.message(), CONTENT_FILTER) : detail;
    }

    private static boolean isContentFilter(JsonNode root) {
        JsonNode error = root == null ? null : root.path("error");
        if (error == null || !error.isObject()) {
            return false;
        }
        return CONTENT_FILTER.equals(error.path("code").asText())
                || "ResponsibleAIPolicyViolation".equals(error.path("innererror").path("code").asText());
    }
}
