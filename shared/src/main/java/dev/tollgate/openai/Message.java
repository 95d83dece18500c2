package dev.tollgate.openai;

import java.util.List;

/**
 * One message of a chat request. {@code content} may be null for an assistant turn that only calls
 * tools. {@code toolCallId} is set on {@link Role#TOOL} messages.
 */
public record Message(Role role, Content content, String name, List<ToolCall> toolCalls, String toolCallId) {

    public Message {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    }

    public static Message of(Role role, String text) {
        return new Message(role, Content.of(text), null, null, null);
    }

    /** All text of this message's content, or "" when it has none. */
    public String text() {
        return content == null ? "" : content.text();
    }
}
