package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ResponseFormat;
import dev.tollgate.openai.Tool;
import dev.tollgate.openai.ToolChoice;
import dev.tollgate.provider.DeploymentParams;
import dev.tollgate.provider.anthropic.AnthropicTurns.Conversation;
import dev.tollgate.provider.anthropic.MessagesWire.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An OpenAI chat request to an Anthropic Messages request body. Precedence, highest first: what the
 * caller set in the request, then the deployment's {@code litellm_params}, then defaults
 * ({@code max_tokens}). {@code response_format} json_schema and json_object both become a forced tool
 * named {@value #JSON_TOOL_NAME} (LiteLLM's approach); the tool's input is handed back as the
 * assistant's text by {@link AnthropicResponses} and {@link AnthropicStreamTranslator}.
 */
final class AnthropicRequests {
    static final int DEFAULT_MAX_TOKENS = 4096;
    static final String JSON_TOOL_NAME = "json_tool_call";
    /** Deployment param overriding the {@code anthropic-version} header (DeploymentParams keeps it out of the body). */
    static final String VERSION_PARAM = "anthropic_version";

    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[\\d\\s()-]{7,}$");

    /** The body to send, and whether the answer's {@value #JSON_TOOL_NAME} call is the JSON answer. */
    record MessagesRequest(ObjectNode body, boolean jsonMode) {
        byte[] bytes() {
            return Json.bytes(body);
        }
    }

    private AnthropicRequests() {
    }

    static MessagesRequest toAnthropic(ChatRequest request, Deployment deployment) {
        return toAnthropic(request, deployment, request.stream());
    }

    static MessagesRequest toAnthropic(ChatRequest request, Deployment deployment, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        String upstream = deployment.upstreamModel();
        body.put("model", upstream != null ? upstream : request.model());
        Conversation conversation = AnthropicTurns.toAnthropic(request.messages());
        if (!conversation.system().isEmpty()) {
            body.set("system", Json.MAPPER.valueToTree(conversation.system()));
        }
        body.set("messages", Json.MAPPER.valueToTree(conversation.turns()));
        putSampling(body, request);
        putExtras(body, request.extra());
        DeploymentParams.mergeInto(body, deployment);
        boolean jsonMode = putTools(body, request);
        if (!body.has("max_tokens")) {
            body.put("max_tokens", defaultMaxTokens(body, deployment));
        }
        if (stream) {
            body.put("stream", true);
        }
        return new MessagesRequest(body, jsonMode);
    }

    private static void putSampling(ObjectNode body, ChatRequest r) {
        if (r.maxOutputTokens() != null) {
            body.put("max_tokens", r.maxOutputTokens());
        }
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            body.put("top_p", r.topP());
        }
        if (r.stop() != null && !r.stop().isEmpty()) {
            body.set("stop_sequences", Json.MAPPER.valueToTree(r.stop()));
        }
        if (r.user() != null && !EMAIL.matcher(r.user()).matches() && !PHONE.matcher(r.user()).matches()) {
            body.putObject("metadata").put("user_id", r.user());
        }
    }

    /** Provider parameters the caller passed beyond OpenAI's (top_k, thinking ...); reasoning_effort is mapped. */
    private static void putExtras(ObjectNode body, Map<String, JsonNode> extra) {
        extra.forEach((name, value) -> {
            if ("reasoning_effort".equals(name)) {
                if (!extra.containsKey("thinking")) {
                    putThinking(body, value);
                }
            } else {
                body.set(name, value);
            }
        });
    }

    /** LiteLLM's budgets: low 1024, medium 2048, high 4096; Anthropic's minimum budget is 1024. */
    private static void putThinking(ObjectNode body, JsonNode effort) {
        int budget = switch (effort.asText()) {
            case "none" -> 0;
            case "minimal", "low" -> 1024;
            case "medium" -> 2048;
            case "high" -> 4096;
            default -> throw GatewayException.invalid("reasoning_effort",
                    "'reasoning_effort' must be one of none, minimal, low, medium, high.");
        };
        if (budget > 0) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        }
    }

    private static boolean putTools(ObjectNode body, ChatRequest r) {
        List<ToolSpec> specs = new ArrayList<>();
        if (r.tools() != null) {
            for (Tool t : r.tools()) {
                specs.add(toolSpec(t.function().name(), t.function().description(), t.function().parameters()));
            }
        }
        ObjectNode choice = toolChoice(r.toolChoice(), r.parallelToolCalls());
        ToolSpec jsonTool = jsonTool(r.responseFormat());
        if (jsonTool != null) {
            specs.add(jsonTool);
            if (!thinkingEnabled(body)) {
                choice = Json.MAPPER.createObjectNode().put("type", "tool").put("name", JSON_TOOL_NAME);
            }
        }
        if (specs.isEmpty()) {
            return false;
        }
        body.set("tools", Json.MAPPER.valueToTree(specs));
        if (choice != null) {
            body.set("tool_choice", choice);
        }
        return jsonTool != null;
    }

    private static ToolSpec toolSpec(String name, String description, JsonNode parameters) {
        ObjectNode schema = parameters instanceof ObjectNode o ? o.deepCopy() : Json.MAPPER.createObjectNode();
        if (!schema.has("type")) {
            schema.put("type", "object");
        }
        if (!schema.has("properties") && "object".equals(schema.path("type").asText())) {
            schema.putObject("properties");
        }
        return new ToolSpec(name, description, schema);
    }

    /** auto→auto, required→any, named→tool, none→none; parallel_tool_calls→disable_parallel_tool_use. */
    static ObjectNode toolChoice(ToolChoice choice, Boolean parallel) {
        ObjectNode node = null;
        boolean none = false;
        if (choice instanceof ToolChoice.OfMode m) {
            none = m.mode() == ToolChoice.Mode.NONE;
            node = Json.MAPPER.createObjectNode().put("type", switch (m.mode()) {
                case AUTO -> "auto";
                case REQUIRED -> "any";
                case NONE -> "none";
            });
        } else if (choice instanceof ToolChoice.Named n) {
            node = Json.MAPPER.createObjectNode().put("type", "tool").put("name", n.functionName());
        }
        if (parallel != null && !none) {
            if (node == null) {
                node = Json.MAPPER.createObjectNode().put("type", "auto");
            }
            node.put("disable_parallel_tool_use", !parallel);
        }
        return node;
    }

    /** json_schema: its schema; json_object: any object. Null for text or no response_format. */
    private static ToolSpec jsonTool(ResponseFormat format) {
        if (format == null || !(format.isJsonSchema() || format.isJsonObject())) {
            return null;
        }
        ResponseFormat.JsonSchema js = format.jsonSchema();
        if (js == null || js.schema() == null) {
            ObjectNode any = Json.MAPPER.createObjectNode().put("type", "object");
            any.putObject("properties");
            any.put("additionalProperties", true);
            return new ToolSpec(JSON_TOOL_NAME, js == null ? null : js.description(), any);
        }
        return toolSpec(JSON_TOOL_NAME, js.description(), js.schema());
    }

    private static boolean thinkingEnabled(ObjectNode body) {
        return "enabled".equals(body.path("thinking").path("type").asText());
    }

    /** model_info.max_output_tokens or 4096, raised above a thinking budget that would not fit. */
    private static int defaultMaxTokens(ObjectNode body, Deployment d) {
        Integer modelMax = d.info() == null ? null : d.info().maxOutputTokens();
        int base = modelMax != null ? modelMax : DEFAULT_MAX_TOKENS;
        JsonNode budget = body.path("thinking").path("budget_tokens");
        if (budget.isNumber() && budget.intValue() >= base) {
            return budget.intValue() + DEFAULT_MAX_TOKENS;
        }
        return base;
    }
}
