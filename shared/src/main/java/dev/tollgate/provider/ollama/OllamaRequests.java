package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ResponseFormat;
import dev.tollgate.openai.ToolChoice;
import dev.tollgate.provider.DeploymentParams;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of an Ollama {@code /api/chat} call. Pure.
 *
 * <p>Sampling goes in {@code options}: temperature, top_p, max_tokens (or max_completion_tokens) as
 * num_predict, stop, seed, and every other parameter Ollama knows as an option ({@link #OPTION_NAMES}:
 * presence_penalty, frequency_penalty, num_ctx, top_k, repeat_penalty ...), whether the request or
 * the deployment's litellm_params sets it; the request wins. Anything else (keep_alive, think ...)
 * goes at the top level, where Ollama ignores what it does not know. {@code stream} is always sent,
 * as Ollama streams by default.
 */
final class OllamaRequests {
    /** Ollama's model options (its Modelfile parameters and runner settings). */
    static final Set<String> OPTION_NAMES = Set.of(
            "num_keep", "seed", "num_predict", "top_k", "top_p", "min_p", "typical_p", "repeat_last_n",
            "temperature", "repeat_penalty", "presence_penalty", "frequency_penalty", "penalize_newline", "stop",
            "numa", "num_ctx", "num_batch", "num_gpu", "main_gpu", "use_mmap", "use_mlock", "num_thread",
            "mirostat", "mirostat_tau", "mirostat_eta", "tfs_z", "low_vram", "vocab_only");

    private OllamaRequests() {
    }

    static ObjectNode toOllama(ChatRequest r, Deployment d) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", d.upstreamModel());
        body.set("messages", OllamaMessages.toOllama(r.messages()));
        body.put("stream", r.stream());
        boolean toolsOff = r.toolChoice() instanceof ToolChoice.OfMode m && m.mode() == ToolChoice.Mode.NONE;
        if (r.tools() != null && !r.tools().isEmpty() && !toolsOff) {
            body.set("tools", Json.MAPPER.valueToTree(r.tools()));
        }
        JsonNode format = format(r.responseFormat());
        if (format != null) {
            body.set("format", format);
        }
        ObjectNode options = requestOptions(r);
        placeAll(body, options, r.extra());
        placeAll(body, options, DeploymentParams.forwardable(d));
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return body;
    }

    /** {@code json} for json_object, the schema itself for json_schema, nothing for text. */
    static JsonNode format(ResponseFormat f) {
        if (f == null) {
            return null;
        }
        if (f.isJsonObject()) {
            return Json.MAPPER.getNodeFactory().textNode("json");
        }
        if (f.isJsonSchema() && f.jsonSchema() != null && f.jsonSchema().schema() != null) {
            return f.jsonSchema().schema();
        }
        return null;
    }

    private static ObjectNode requestOptions(ChatRequest r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        putIfSet(o, "temperature", r.temperature());
        putIfSet(o, "top_p", r.topP());
        putIfSet(o, "num_predict", r.maxTokens() != null ? r.maxTokens() : r.maxCompletionTokens());
        putIfSet(o, "stop", r.stop());
        putIfSet(o, "seed", r.seed());
        return o;
    }

    /** Option names into {@code options}, an {@code options} object merged there, the rest at the top. */
    private static void placeAll(ObjectNode body, ObjectNode options, Map<String, JsonNode> params) {
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            String key = p.getKey();
            if ("options".equals(key) && p.getValue().isObject()) {
                p.getValue().fields().forEachRemaining(e -> setIfAbsent(options, e.getKey(), e.getValue()));
            } else if (OPTION_NAMES.contains(key)) {
                setIfAbsent(options, key, p.getValue());
            } else {
                setIfAbsent(body, key, p.getValue());
            }
        }
    }

    private static void setIfAbsent(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }

    private static void putIfSet(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.set(name, Json.MAPPER.valueToTree(value));
        }
    }
}
