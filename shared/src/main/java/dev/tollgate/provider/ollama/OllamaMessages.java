package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Content;
import dev.tollgate.openai.ContentPart;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Message;
import dev.tollgate.openai.ToolCall;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI messages to Ollama's {@code /api/chat} messages. Pure. Content is one string (text parts
 * joined); images travel apart as bare base64 in {@code images}, so only data URLs can be sent:
 * Ollama fetches no URLs. Tool-call arguments become objects; a tool result names its function
 * ({@code tool_name}) and keeps its {@code tool_call_id}.
 */
final class OllamaMessages {
    private OllamaMessages() {
    }

    static ArrayNode toOllama(List<Message> messages) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        Map<String, String> toolNames = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(toOllama(messages.get(i), "messages[" + i + "]", toolNames));
        }
        return out;
    }

    private static ObjectNode toOllama(Message m, String path, Map<String, String> toolNames) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("role", switch (m.role()) {
            case SYSTEM, DEVELOPER -> "system";
            case USER -> "user";
            case ASSISTANT -> "assistant";
            case TOOL -> "tool";
        });
        putContent(node, m.content(), path);
        if (m.toolCalls() != null && !m.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (int j = 0; j < m.toolCalls().size(); j++) {
                ToolCall c = m.toolCalls().get(j);
                calls.add(toolCall(c, path + ".tool_calls[" + j + "]"));
                if (c.id() != null && c.function() != null) {
                    toolNames.put(c.id(), c.function().name());
                }
            }
        }
        if (m.toolCallId() != null) {
            node.put("tool_call_id", m.toolCallId());
            String name = toolNames.get(m.toolCallId());
            if (name != null) {
                node.put("tool_name", name);
            }
        }
        return node;
    }

    private static void putContent(ObjectNode node, Content content, String path) {
        switch (content) {
            case null -> node.put("content", "");
            case Content.Text t -> node.put("content", t.value() == null ? "" : t.value());
            case Content.Parts p -> {
                StringBuilder text = new StringBuilder();
                ArrayNode images = Json.MAPPER.createArrayNode();
                for (int k = 0; k < p.parts().size(); k++) {
                    String partPath = path + ".content[" + k + "]";
                    switch (p.parts().get(k)) {
                        case ContentPart.TextPart tp -> text.append(tp.text());
                        case ContentPart.ImagePart ip -> images.add(imageData(ip.imageUrl(), partPath + ".image_url.url"));
                        case ContentPart.OtherPart op -> throw GatewayException.invalid(partPath + ".type",
                                "ollama does not support content part type '" + op.type() + "' at '" + partPath + "'.");
                    }
                }
                node.put("content", text.toString());
                if (!images.isEmpty()) {
                    node.set("images", images);
                }
            }
        }
    }

    private static String imageData(ContentPart.ImageUrl image, String path) {
        ContentPart.DataUrl data = image == null ? null : image.dataUrl();
        if (data == null) {
            throw GatewayException.invalid(path, "'" + path + "' must be a base64 data URL: ollama takes images "
                    + "inline and does not fetch URLs.");
        }
        return data.base64Data();
    }

    private static ObjectNode toolCall(ToolCall c, String path) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (c.id() != null) {
            node.put("id", c.id());
        }
        ObjectNode fn = node.putObject("function");
        fn.put("name", c.function() == null ? null : c.function().name());
        fn.set("arguments", arguments(c.function() == null ? null : c.function().arguments(),
                path + ".function.arguments"));
        return node;
    }

    /** Ollama wants arguments as an object, where OpenAI carries them as a JSON string. */
    private static JsonNode arguments(String json, String path) {
        if (json == null || json.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(json);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw GatewayException.invalid(path, "'" + path + "' must be a JSON object for ollama.");
    }
}
