package dev.tollgate.openai;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads one entry of {@code messages}, naming the path of whatever is wrong with it. */
final class MessageReader {
    private MessageReader() {
    }

    static Message read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "'" + path + "' must be an object with 'role' and 'content'.");
        }
        String roleName = Fields.requiredText(node, "role", path + ".role");
        Role role = Role.fromWire(roleName);
        if (role == null) {
            throw invalid(path + ".role", "'" + path + ".role' must be one of system, developer, user, "
                    + "assistant, tool; got '" + roleName + "'.");
        }
        Content content = readContent(node.get("content"), path + ".content");
        List<ToolCall> toolCalls = role == Role.ASSISTANT ? readToolCalls(node.get("tool_calls"), path) : null;
        if (toolCalls == null && role == Role.ASSISTANT && node.hasNonNull("function_call")) {
            toolCalls = List.of(LegacyFunctions.toToolCall(node.get("function_call"), path + ".function_call"));
        }
        String toolCallId = null;
        if (role == Role.TOOL) {
            toolCallId = Fields.requiredText(node, "tool_call_id", path + ".tool_call_id");
        }
        if (content == null && (role != Role.ASSISTANT || toolCalls == null)) {
            throw invalid(path + ".content", "Missing required field '" + path + ".content'.");
        }
        return new Message(role, content, Fields.optionalText(node, "name", path + ".name"), toolCalls, toolCallId);
    }

    private static Content readContent(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return new Content.Text(node.textValue());
        }
        if (!node.isArray()) {
            throw invalid(path, "'" + path + "' must be a string or an array of content parts.");
        }
        List<ContentPart> parts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            parts.add(readPart(node.get(i), path + "[" + i + "]"));
        }
        return new Content.Parts(parts);
    }

    private static ContentPart readPart(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "'" + path + "' must be a content part object.");
        }
        String type = Fields.requiredText(node, "type", path + ".type");
        switch (type) {
            case "text":
                JsonNode cacheControl = node.get("cache_control");
                return new ContentPart.TextPart(Fields.requiredText(node, "text", path + ".text"),
                        cacheControl != null && cacheControl.isObject() ? cacheControl : null);
            case "image_url": {
                JsonNode image = node.get("image_url");
                String urlPath = path + ".image_url.url";
                String url;
                String detail = null;
                if (image != null && image.isTextual()) {
                    url = image.textValue();
                } else if (image != null && image.isObject()) {
                    url = Fields.requiredText(image, "url", urlPath);
                    detail = Fields.optionalText(image, "detail", path + ".image_url.detail");
                } else {
                    throw invalid(path + ".image_url", "'" + path + ".image_url' must be an object with 'url'.");
                }
                if (url.startsWith("data:") && ContentPart.DataUrl.parse(url) == null) {
                    throw invalid(urlPath, "'" + urlPath + "' is a data URL but not 'data:<media type>;base64,<data>'.");
                }
                return new ContentPart.ImagePart(new ContentPart.ImageUrl(url, detail));
            }
            default:
                return new ContentPart.OtherPart(node);
        }
    }

    private static List<ToolCall> readToolCalls(JsonNode node, String messagePath) {
        if (node == null || node.isNull()) {
            return null;
        }
        String path = messagePath + ".tool_calls";
        if (!node.isArray()) {
            throw invalid(path, "'" + path + "' must be an array.");
        }
        List<ToolCall> calls = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode call = node.get(i);
            if (!call.isObject()) {
                throw invalid(p, "'" + p + "' must be an object.");
            }
            JsonNode fn = call.get("function");
            if (fn == null || !fn.isObject()) {
                throw invalid(p + ".function", "Missing required field '" + p + ".function'.");
            }
            String args = fn.hasNonNull("arguments") && !fn.get("arguments").isTextual()
                    ? fn.get("arguments").toString()
                    : Fields.optionalText(fn, "arguments", p + ".function.arguments");
            calls.add(ToolCall.function(Fields.requiredText(call, "id", p + ".id"),
                    Fields.requiredText(fn, "name", p + ".function.name"), args == null ? "{}" : args));
        }
        return calls;
    }
}
