package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Content;
import dev.tollgate.openai.ContentPart;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Message;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.provider.anthropic.MessagesWire.Block;
import dev.tollgate.provider.anthropic.MessagesWire.DocumentBlock;
import dev.tollgate.provider.anthropic.MessagesWire.ImageBlock;
import dev.tollgate.provider.anthropic.MessagesWire.Source;
import dev.tollgate.provider.anthropic.MessagesWire.TextBlock;
import dev.tollgate.provider.anthropic.MessagesWire.ToolResultBlock;
import dev.tollgate.provider.anthropic.MessagesWire.ToolUseBlock;
import dev.tollgate.provider.anthropic.MessagesWire.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI {@code messages} to Anthropic's {@code system} and alternating {@code messages}. System and
 * developer messages become system text blocks; tool messages become {@code tool_result} blocks of a
 * user turn; consecutive turns of one role are merged, as Anthropic requires. Empty text is left out
 * (Anthropic rejects empty text blocks), and a turn left with no blocks is dropped.
 */
final class AnthropicTurns {

    /** The translated conversation. */
    record Conversation(List<TextBlock> system, List<Turn> turns) {
    }

    private AnthropicTurns() {
    }

    static Conversation toAnthropic(List<Message> messages) {
        List<TextBlock> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String path = "messages[" + i + "]";
            switch (m.role()) {
                case SYSTEM, DEVELOPER -> system.addAll(textBlocks(m.content()));
                case USER -> append(turns, "user", contentBlocks(m.content(), path + ".content"));
                case ASSISTANT -> append(turns, "assistant", assistantBlocks(m, path));
                case TOOL -> append(turns, "user", List.of(toolResult(m, path + ".content")));
            }
        }
        return new Conversation(system, turns);
    }

    private static void append(List<Turn> turns, String role, List<Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last == null || !last.role().equals(role)) {
            last = new Turn(role);
            turns.add(last);
        }
        last.content().addAll(blocks);
    }

    private static List<TextBlock> textBlocks(Content content) {
        List<TextBlock> blocks = new ArrayList<>();
        if (content instanceof Content.Text t) {
            addText(blocks, t.value());
        } else if (content instanceof Content.Parts p) {
            for (ContentPart part : p.parts()) {
                if (part instanceof ContentPart.TextPart t && !t.text().isEmpty()) {
                    blocks.add(new TextBlock(t.text(), t.cacheControl()));
                }
            }
        }
        return blocks;
    }

    private static void addText(List<? super TextBlock> blocks, String text) {
        if (text != null && !text.isEmpty()) {
            blocks.add(new TextBlock(text));
        }
    }

    private static List<Block> contentBlocks(Content content, String path) {
        List<Block> blocks = new ArrayList<>();
        if (content instanceof Content.Text t) {
            addText(blocks, t.value());
        } else if (content instanceof Content.Parts p) {
            for (int j = 0; j < p.parts().size(); j++) {
                Block b = partBlock(p.parts().get(j), path + "[" + j + "]");
                if (b != null) {
                    blocks.add(b);
                }
            }
        }
        return blocks;
    }

    private static Block partBlock(ContentPart part, String path) {
        return switch (part) {
            case ContentPart.TextPart t -> t.text().isEmpty() ? null : new TextBlock(t.text(), t.cacheControl());
            case ContentPart.ImagePart i -> new ImageBlock(imageSource(i.imageUrl().url(), path + ".image_url.url"));
            case ContentPart.OtherPart o -> otherPart(o, path);
        };
    }

    private static Source imageSource(String url, String path) {
        ContentPart.DataUrl data = ContentPart.DataUrl.parse(url);
        if (data != null) {
            return Source.base64(data.mediaType(), data.base64Data());
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return Source.url(url);
        }
        throw GatewayException.invalid(path, "'" + path + "' must be an http(s) URL or a base64 data URL.");
    }

    /** A {@code file} part holding a base64 data URL (a PDF, say) becomes a document block. */
    private static Block otherPart(ContentPart.OtherPart part, String path) {
        String fileData = part.raw().path("file").path("file_data").asText(null);
        ContentPart.DataUrl data = "file".equals(part.type()) ? ContentPart.DataUrl.parse(fileData) : null;
        if (data != null) {
            return new DocumentBlock(Source.base64(data.mediaType(), data.base64Data()));
        }
        throw GatewayException.invalid(path + ".type", "anthropic does not support content part type '"
                + part.type() + "' at '" + path + "'.");
    }

    private static List<Block> assistantBlocks(Message m, String path) {
        List<Block> blocks = new ArrayList<>(textBlocks(m.content()));
        List<ToolCall> calls = m.toolCalls() == null ? List.of() : m.toolCalls();
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            String argsPath = path + ".tool_calls[" + j + "].function.arguments";
            blocks.add(new ToolUseBlock(call.id(), call.function().name(),
                    parseArguments(call.function().arguments(), argsPath)));
        }
        return blocks;
    }

    /** A tool call's arguments string as the JSON object Anthropic wants for {@code input}. */
    static JsonNode parseArguments(String arguments, String path) {
        if (arguments == null || arguments.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode input;
        try {
            input = Json.MAPPER.readTree(arguments);
        } catch (JsonProcessingException e) {
            input = null;
        }
        if (input == null || !input.isObject()) {
            throw GatewayException.invalid(path, "'" + path + "' must be a JSON object encoded as a string.");
        }
        return input;
    }

    private static Block toolResult(Message m, String path) {
        if (m.content() instanceof Content.Parts p) {
            ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
            for (Block b : contentBlocks(p, path)) {
                blocks.add(Json.MAPPER.valueToTree(b));
            }
            return new ToolResultBlock(m.toolCallId(), blocks);
        }
        return new ToolResultBlock(m.toolCallId(), new TextNode(m.text()));
    }
}
