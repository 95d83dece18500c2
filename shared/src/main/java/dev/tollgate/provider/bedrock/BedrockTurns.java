package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Content;
import dev.tollgate.openai.ContentPart;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Message;
import dev.tollgate.openai.Role;
import dev.tollgate.openai.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * OpenAI messages to Converse's {@code system} blocks and alternating user/assistant turns: system
 * and developer text moves to {@code system}, tool results become {@code toolResult} blocks in a
 * user turn, assistant tool calls become {@code toolUse} blocks, consecutive turns of one role merge.
 */
final class BedrockTurns {

    /** The translated conversation; {@code usesTools} when any turn carries a tool block. */
    record Conversation(List<SystemContentBlock> system, List<software.amazon.awssdk.services.bedrockruntime.model.Message> turns,
                        boolean usesTools) {
    }

    private BedrockTurns() {
    }

    static Conversation toConverse(List<Message> messages) {
        List<SystemContentBlock> system = new ArrayList<>();
        List<ConversationRole> roles = new ArrayList<>();
        List<List<ContentBlock>> contents = new ArrayList<>();
        boolean usesTools = false;
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String path = "messages[" + i + "]";
            if (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
                if (!m.text().isEmpty()) {
                    system.add(SystemContentBlock.fromText(m.text()));
                }
                continue;
            }
            ConversationRole role = m.role() == Role.ASSISTANT ? ConversationRole.ASSISTANT : ConversationRole.USER;
            List<ContentBlock> blocks = switch (m.role()) {
                case ASSISTANT -> assistantBlocks(m, path);
                case TOOL -> List.of(toolResult(m));
                default -> userBlocks(m.content(), path);
            };
            usesTools |= m.role() == Role.TOOL || m.toolCalls() != null && !m.toolCalls().isEmpty();
            if (blocks.isEmpty()) {
                continue;
            }
            if (!roles.isEmpty() && roles.get(roles.size() - 1) == role) {
                contents.get(contents.size() - 1).addAll(blocks);
            } else {
                roles.add(role);
                contents.add(new ArrayList<>(blocks));
            }
        }
        List<software.amazon.awssdk.services.bedrockruntime.model.Message> turns = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            turns.add(software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                    .role(roles.get(i)).content(contents.get(i)).build());
        }
        return new Conversation(system, turns, usesTools);
    }

    static List<ContentBlock> userBlocks(Content content, String path) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (content instanceof Content.Text t) {
            addText(blocks, t.value());
        } else if (content instanceof Content.Parts p) {
            for (int i = 0; i < p.parts().size(); i++) {
                String partPath = path + ".content[" + i + "]";
                switch (p.parts().get(i)) {
                    case ContentPart.TextPart t -> addText(blocks, t.text());
                    case ContentPart.ImagePart img -> blocks.add(image(img.imageUrl(), partPath + ".image_url.url"));
                    case ContentPart.OtherPart o -> throw GatewayException.invalid(partPath + ".type",
                            "bedrock does not support content part type '" + o.type() + "'.");
                }
            }
        }
        return blocks;
    }

    private static List<ContentBlock> assistantBlocks(Message m, String path) {
        List<ContentBlock> blocks = new ArrayList<>(userBlocks(m.content(), path));
        if (m.toolCalls() != null) {
            for (int i = 0; i < m.toolCalls().size(); i++) {
                ToolCall call = m.toolCalls().get(i);
                String argsPath = path + ".tool_calls[" + i + "].function.arguments";
                blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId(call.id())
                        .name(call.function().name()).input(Documents.toDocument(arguments(call, argsPath))).build()));
            }
        }
        return blocks;
    }

    private static ContentBlock toolResult(Message m) {
        String text = m.text();
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(m.toolCallId())
                .content(ToolResultContentBlock.fromText(text.isEmpty() ? " " : text)).build());
    }

    private static void addText(List<ContentBlock> blocks, String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(ContentBlock.fromText(text));
        }
    }

    /** Converse takes image bytes only: a base64 data URL of png, jpeg, gif or webp. */
    static ContentBlock image(ContentPart.ImageUrl url, String path) {
        ContentPart.DataUrl data = url == null ? null : url.dataUrl();
        if (data == null) {
            throw GatewayException.invalid(path, "bedrock needs image bytes: '" + path
                    + "' must be a base64 data URL (data:image/png;base64,...), not a link.");
        }
        String subtype = data.mediaType().toLowerCase(Locale.ROOT).replace("image/", "");
        ImageFormat format = ImageFormat.fromValue("jpg".equals(subtype) ? "jpeg" : subtype);
        if (format == ImageFormat.UNKNOWN_TO_SDK_VERSION) {
            throw GatewayException.invalid(path, "bedrock takes png, jpeg, gif or webp images, not '"
                    + data.mediaType() + "'.");
        }
        try {
            return ContentBlock.fromImage(ImageBlock.builder().format(format)
                    .source(ImageSource.fromBytes(SdkBytes.fromByteArray(data.decode()))).build());
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid(path, "'" + path + "' is not valid base64.");
        }
    }

    private static JsonNode arguments(ToolCall call, String path) {
        String args = call.function() == null ? null : call.function().arguments();
        if (args == null || args.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(args);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw GatewayException.invalid(path, "'" + path + "' must be a JSON object encoded as a string.");
    }
}
