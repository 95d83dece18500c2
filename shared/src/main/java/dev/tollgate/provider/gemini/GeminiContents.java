package dev.tollgate.provider.gemini;

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
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI messages to Gemini's {@code systemInstruction} and {@code contents}. System and developer
 * messages become the system instruction; user and tool turns are role {@code user}, assistant turns
 * role {@code model}; consecutive turns of one role are merged, as Gemini wants them alternating.
 * A tool result names its function, which Gemini requires: it is looked up from the earlier call's id.
 */
final class GeminiContents {
    private static final Map<String, String> MIME_BY_EXTENSION = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp",
            "gif", "image/gif", "heic", "image/heic", "heif", "image/heif", "pdf", "application/pdf");

    /** The system instruction (null when there is none) and the turns. */
    record Conversation(ObjectNode systemInstruction, ArrayNode contents) {
    }

    private GeminiContents() {
    }

    static Conversation toGemini(Iterable<Message> messages) {
        ArrayNode system = Json.MAPPER.createArrayNode();
        ArrayNode contents = Json.MAPPER.createArrayNode();
        Map<String, String> toolNames = new HashMap<>();
        for (Message m : messages) {
            switch (m.role()) {
                case SYSTEM, DEVELOPER -> system.add(Json.MAPPER.createObjectNode().put("text", m.text()));
                case ASSISTANT -> addTurn(contents, "model", assistantParts(m, toolNames));
                case TOOL -> addTurn(contents, "user", toolResult(m, toolNames));
                default -> addTurn(contents, "user", userParts(m.content()));
            }
        }
        ObjectNode instruction = null;
        if (!system.isEmpty()) {
            instruction = Json.MAPPER.createObjectNode();
            instruction.set("parts", system);
        }
        return new Conversation(instruction, contents);
    }

    /** Appends the parts to the last turn when it has the same role, else starts a turn. */
    private static void addTurn(ArrayNode contents, String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return;
        }
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        ObjectNode turn = contents.addObject().put("role", role);
        turn.set("parts", parts);
    }

    private static ArrayNode userParts(Content content) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        if (content instanceof Content.Text t) {
            parts.addObject().put("text", t.value());
        } else if (content instanceof Content.Parts p) {
            for (ContentPart part : p.parts()) {
                switch (part) {
                    case ContentPart.TextPart t -> parts.addObject().put("text", t.text());
                    case ContentPart.ImagePart i -> parts.add(image(i.imageUrl().url()));
                    case ContentPart.OtherPart o -> throw GatewayException.invalid("messages",
                            "gemini does not take content parts of type '" + o.type() + "'.");
                }
            }
        }
        return parts;
    }

    /** A data URL becomes {@code inlineData}; any other URL {@code fileData}, its type guessed from the extension. */
    static ObjectNode image(String url) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        ContentPart.DataUrl data = ContentPart.DataUrl.parse(url);
        if (data != null) {
            part.putObject("inlineData").put("mimeType", data.mediaType()).put("data", data.base64Data());
        } else {
            part.putObject("fileData").put("mimeType", mimeOf(url)).put("fileUri", url);
        }
        return part;
    }

    static String mimeOf(String url) {
        String path = url.split("[?#]", 2)[0];
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME_BY_EXTENSION.getOrDefault(ext, "image/jpeg");
    }

    private static ArrayNode assistantParts(Message m, Map<String, String> toolNames) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        String text = m.text();
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
        if (m.toolCalls() != null) {
            for (ToolCall call : m.toolCalls()) {
                toolNames.put(call.id(), call.function().name());
                ObjectNode part = parts.addObject();
                ObjectNode fc = part.putObject("functionCall");
                if (call.id() != null) {
                    fc.put("id", ToolCallIds.callId(call.id()));
                }
                String signature = ToolCallIds.signature(call.id());
                if (signature != null) {
                    part.put("thoughtSignature", signature);
                }
                fc.put("name", call.function().name());
                fc.set("args", asObject(call.function().arguments(), "arguments"));
            }
        }
        return parts;
    }

    private static ArrayNode toolResult(Message m, Map<String, String> toolNames) {
        String name = toolNames.get(m.toolCallId());
        if (name == null) {
            name = m.name();
        }
        if (name == null) {
            throw GatewayException.invalid("messages", "tool message '" + m.toolCallId()
                    + "' answers no earlier tool call; gemini needs the function's name.");
        }
        ArrayNode parts = Json.MAPPER.createArrayNode();
        ObjectNode fr = parts.addObject().putObject("functionResponse");
        if (m.toolCallId() != null) {
            fr.put("id", ToolCallIds.callId(m.toolCallId()));
        }
        fr.put("name", name);
        fr.set("response", asObject(m.text(), null));
        return parts;
    }

    /**
     * A JSON object as it is; anything else (plain text, an array) wrapped as {@code {"content": ...}},
     * since Gemini takes only objects for function arguments and responses.
     */
    static ObjectNode asObject(String json, String field) {
        JsonNode parsed = null;
        if (json != null && !json.isBlank()) {
            try {
                parsed = Json.MAPPER.readTree(json);
            } catch (IOException notJson) {
                if (field != null) {
                    throw GatewayException.invalid("messages", "tool call " + field + " must be JSON.");
                }
            }
        }
        if (parsed instanceof ObjectNode o) {
            return o;
        }
        ObjectNode wrapped = Json.MAPPER.createObjectNode();
        if (parsed != null) {
            wrapped.set("content", parsed);
        } else if (json != null && !json.isBlank()) {
            wrapped.put("content", json);
        }
        return wrapped;
    }
}
