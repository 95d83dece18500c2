package dev.tollgate.openai;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.GatewayException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a chat completion request body. Every rejection is a 400 naming the field,
 * as a path ({@code messages[2].content[0].image_url.url}).
 */
public final class ChatRequestReader {

    /** Request fields the gateway consumes itself; they are never sent upstream. */
    public static final Set<String> GATEWAY_PARAMS = Set.of(
            "fallbacks", "context_window_fallback_dict", "num_retries", "timeout", "stream_timeout",
            "caching", "cache", "tags", "mock_response", "api_key", "api_base", "litellm_metadata");

    private static final Set<String> TYPED = Set.of(
            "model", "messages", "stream", "stream_options", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "stop", "n", "seed", "user", "metadata", "tools", "tool_choice",
            "parallel_tool_calls", "response_format", "functions", "function_call");

    private ChatRequestReader() {
    }

    public static ChatRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "Request body must be a JSON object.");
        }
        String model = Fields.requiredText(body, "model");
        List<Message> messages = readMessages(body.get("messages"));
        boolean stream = Fields.optionalBoolean(body, "stream", false);
        Boolean includeUsage = readStreamOptions(body.get("stream_options"));
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        Map<String, JsonNode> gateway = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (GATEWAY_PARAMS.contains(field.getKey())) {
                gateway.put(field.getKey(), field.getValue());
            } else if (!TYPED.contains(field.getKey()) && !field.getValue().isNull()) {
                extra.put(field.getKey(), field.getValue());
            }
        }
        List<Tool> tools = readTools(body);
        return new ChatRequest(model, messages, stream, includeUsage,
                Fields.optionalNumber(body, "temperature", 0, 2),
                Fields.optionalNumber(body, "top_p", 0, 1),
                Fields.optionalInt(body, "max_tokens", 1),
                Fields.optionalInt(body, "max_completion_tokens", 1),
                readStop(body.get("stop")),
                Fields.optionalInt(body, "n", 1),
                Fields.optionalLong(body, "seed"),
                Fields.optionalText(body, "user"),
                readMetadata(body.get("metadata")),
                tools,
                readToolChoice(body),
                Fields.optionalBooleanOrNull(body, "parallel_tool_calls"),
                readResponseFormat(body.get("response_format")),
                extra, gateway);
    }

    private static List<Message> readMessages(JsonNode node) {
        if (node == null || node.isNull()) {
            throw invalid("messages", "Missing required field 'messages'.");
        }
        if (!node.isArray()) {
            throw invalid("messages", "'messages' must be an array of message objects.");
        }
        if (node.isEmpty()) {
            throw invalid("messages", "'messages' must contain at least one message.");
        }
        List<Message> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(MessageReader.read(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static Boolean readStreamOptions(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("stream_options", "'stream_options' must be an object.");
        }
        JsonNode include = node.get("include_usage");
        if (include == null || include.isNull()) {
            return null;
        }
        if (!include.isBoolean()) {
            throw invalid("stream_options.include_usage", "'stream_options.include_usage' must be a boolean.");
        }
        return include.booleanValue();
    }

    private static List<String> readStop(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray() || node.size() > 4) {
            throw invalid("stop", "'stop' must be a string or an array of up to 4 strings.");
        }
        List<String> stops = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw invalid("stop[" + i + "]", "'stop[" + i + "]' must be a string.");
            }
            stops.add(node.get(i).textValue());
        }
        return stops;
    }

    private static JsonNode readMetadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("metadata", "'metadata' must be an object.");
        }
        return node;
    }

    private static List<Tool> readTools(JsonNode body) {
        JsonNode node = body.get("tools");
        if ((node == null || node.isNull()) && body.hasNonNull("functions")) {
            return LegacyFunctions.toTools(body.get("functions"));
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("tools", "'tools' must be an array.");
        }
        List<Tool> tools = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String path = "tools[" + i + "]";
            JsonNode tool = node.get(i);
            if (!tool.isObject()) {
                throw invalid(path, "'" + path + "' must be an object.");
            }
            String type = tool.path("type").asText("function");
            if (!"function".equals(type)) {
                throw invalid(path + ".type", "'" + path + ".type' must be 'function', got '" + type + "'.");
            }
            tools.add(new Tool("function", LegacyFunctions.readFunction(tool.get("function"), path + ".function")));
        }
        return tools;
    }

    private static ToolChoice readToolChoice(JsonNode body) {
        JsonNode node = body.get("tool_choice");
        if ((node == null || node.isNull()) && body.hasNonNull("function_call")) {
            return LegacyFunctions.toToolChoice(body.get("function_call"));
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "auto" -> new ToolChoice.OfMode(ToolChoice.Mode.AUTO);
                case "none" -> new ToolChoice.OfMode(ToolChoice.Mode.NONE);
                case "required" -> new ToolChoice.OfMode(ToolChoice.Mode.REQUIRED);
                default -> throw invalid("tool_choice",
                        "'tool_choice' must be 'auto', 'none', 'required' or a function object.");
            };
        }
        String name = node.path("function").path("name").asText(null);
        if (!node.isObject() || name == null || name.isEmpty()) {
            throw invalid("tool_choice", "'tool_choice' must name a function: {\"type\":\"function\","
                    + "\"function\":{\"name\":\"...\"}}.");
        }
        return new ToolChoice.Named(name);
    }

    private static ResponseFormat readResponseFormat(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("response_format", "'response_format' must be an object.");
        }
        String type = Fields.requiredText(node, "type", "response_format.type");
        return switch (type) {
            case "text", "json_object" -> new ResponseFormat(type, null);
            case "json_schema" -> {
                JsonNode js = node.get("json_schema");
                if (js == null || !js.isObject()) {
                    throw invalid("response_format.json_schema",
                            "'response_format.json_schema' is required when type is 'json_schema'.");
                }
                String name = Fields.requiredText(js, "name", "response_format.json_schema.name");
                JsonNode schema = js.get("schema");
                if (schema != null && !schema.isObject()) {
                    throw invalid("response_format.json_schema.schema",
                            "'response_format.json_schema.schema' must be an object.");
                }
                yield new ResponseFormat(type, new ResponseFormat.JsonSchema(name,
                        Fields.optionalText(js, "description"), schema,
                        Fields.optionalBooleanOrNull((ObjectNode) js, "strict")));
            }
            default -> throw invalid("response_format.type",
                    "'response_format.type' must be 'text', 'json_object' or 'json_schema', got '" + type + "'.");
        };
    }
}
