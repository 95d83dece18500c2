package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages API shapes, as records. Field names follow the wire through
 * {@link dev.tollgate.openai.Json#MAPPER}'s snake_case naming; unknown fields are ignored on read.
 */
final class MessagesWire {
    private MessagesWire() {
    }

    // ---- request side ----

    /** One block of a request message's {@code content} array. */
    sealed interface Block permits TextBlock, ImageBlock, DocumentBlock, ToolUseBlock, ToolResultBlock {
    }

    record TextBlock(String text, JsonNode cacheControl) implements Block {
        TextBlock(String text) {
            this(text, null);
        }

        @JsonProperty("type")
        public String type() {
            return "text";
        }
    }

    record ImageBlock(Source source) implements Block {
        @JsonProperty("type")
        public String type() {
            return "image";
        }
    }

    record DocumentBlock(Source source) implements Block {
        @JsonProperty("type")
        public String type() {
            return "document";
        }
    }

    /** {@code {"type":"base64","media_type","data"}} or {@code {"type":"url","url"}}. */
    record Source(String type, String mediaType, String data, String url) {
        static Source base64(String mediaType, String data) {
            return new Source("base64", mediaType, data, null);
        }

        static Source url(String url) {
            return new Source("url", null, null, url);
        }
    }

    record ToolUseBlock(String id, String name, JsonNode input) implements Block {
        @JsonProperty("type")
        public String type() {
            return "tool_use";
        }
    }

    /** {@code content} is a string, or an array of text and image blocks. */
    record ToolResultBlock(String toolUseId, JsonNode content) implements Block {
        @JsonProperty("type")
        public String type() {
            return "tool_result";
        }
    }

    /** One entry of {@code messages}: a role and its blocks (mutable while turns are merged). */
    record Turn(String role, List<Block> content) {
        Turn(String role) {
            this(role, new ArrayList<>());
        }
    }

    record ToolSpec(String name, String description, JsonNode inputSchema) {
    }

    // ---- response side ----

    /** A {@code message} object: the non-streamed body, and {@code message_start.message}. */
    record Message(String id, String type, String role, String model, List<ContentBlock> content,
                   String stopReason, String stopSequence, WireUsage usage) {
    }

    /** One block of a response's {@code content}; which fields are set depends on {@code type}. */
    record ContentBlock(String type, String text, String id, String name, JsonNode input, String thinking,
                        String signature) {
    }

    record WireUsage(Integer inputTokens, Integer outputTokens, Integer cacheCreationInputTokens,
                     Integer cacheReadInputTokens) {
    }

    /** One {@code data:} payload of a stream; which fields are set depends on {@code type}. */
    record StreamEvent(String type, Message message, Integer index, ContentBlock contentBlock, Delta delta,
                       WireUsage usage, ErrorDetail error) {
    }

    /** {@code content_block_delta.delta} or {@code message_delta.delta}. */
    record Delta(String type, String text, String partialJson, String thinking, String stopReason,
                 String stopSequence) {
    }

    /** {@code {"type":"error","error":{"type","message"}}} */
    record ErrorEnvelope(String type, ErrorDetail error) {
    }

    record ErrorDetail(String type, String message) {
    }
}
