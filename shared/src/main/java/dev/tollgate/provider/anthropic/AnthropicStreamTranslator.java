package dev.tollgate.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.StreamTranslator;
import dev.tollgate.provider.anthropic.MessagesWire.ContentBlock;
import dev.tollgate.provider.anthropic.MessagesWire.StreamEvent;
import dev.tollgate.provider.anthropic.MessagesWire.WireUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic stream events to OpenAI chunks, for one stream. message_start gives the role chunk;
 * text, thinking and tool-input deltas give content, reasoning_content and tool-call argument
 * chunks (tool calls numbered by counting only tool blocks); message_delta gives the finish chunk;
 * message_stop a usage-only chunk and the end. Every chunk carries the id of message_start.
 */
final class AnthropicStreamTranslator implements StreamTranslator {
    private enum Kind { TEXT, THINKING, TOOL, JSON_TOOL, OTHER }

    private final long created;
    private final boolean jsonMode;
    private String id;
    private String model;
    private final Map<Integer, Kind> kinds = new HashMap<>();
    private final Map<Integer, Integer> toolIndexes = new HashMap<>();
    private final java.util.Set<Integer> toolsWithArguments = new java.util.HashSet<>();
    private int toolCount;
    private int input;
    private int output;
    private int cacheRead;
    private int cacheCreation;
    private boolean finished;

    /**
     * @param model      the model to report until message_start names one
     * @param fallbackId the id to use until message_start gives one
     * @param created    the chunks' {@code created}, in epoch seconds
     * @param jsonMode   whether a {@value AnthropicRequests#JSON_TOOL_NAME} call is the JSON answer
     */
    AnthropicStreamTranslator(String model, String fallbackId, long created, boolean jsonMode) {
        this.model = model;
        this.id = fallbackId;
        this.created = created;
        this.jsonMode = jsonMode;
    }

    @Override
    public List<ChatCompletionChunk> translate(SseEvent event) {
        if (event.data() == null || event.data().isBlank()) {
            return List.of();
        }
        StreamEvent e = parse(event.data());
        String type = e.type() != null ? e.type() : event.event() == null ? "" : event.event();
        return switch (type) {
            case "message_start" -> onMessageStart(e);
            case "content_block_start" -> onBlockStart(index(e), e.contentBlock());
            case "content_block_delta" -> onBlockDelta(index(e), e);
            case "message_delta" -> onMessageDelta(e);
            case "content_block_stop" -> onBlockStop(index(e));
            case "message_stop" -> onMessageStop();
            case "error" -> throw AnthropicErrors.fromStreamError(e.error());
            default -> List.of(); // ping, and events added after this was written
        };
    }

    @Override
    public boolean finished() {
        return finished;
    }

    private static StreamEvent parse(String data) {
        try {
            StreamEvent e = Json.MAPPER.readValue(data, StreamEvent.class);
            if (e != null) {
                return e;
            }
        } catch (JsonProcessingException ignored) {
            // reported below
        }
        throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "anthropic sent a stream event that is not JSON.");
    }

    private static int index(StreamEvent e) {
        return e.index() == null ? 0 : e.index();
    }

    private List<ChatCompletionChunk> onMessageStart(StreamEvent e) {
        if (e.message() != null) {
            id = e.message().id() != null ? e.message().id() : id;
            model = e.message().model() != null ? e.message().model() : model;
            addUsage(e.message().usage());
        }
        return List.of(chunk(new Delta("assistant", "", null, null, null)));
    }

    private List<ChatCompletionChunk> onBlockStart(int index, ContentBlock block) {
        String type = block == null || block.type() == null ? "" : block.type();
        switch (type) {
            case "text" -> {
                kinds.put(index, Kind.TEXT);
                return textChunk(block.text());
            }
            case "thinking" -> {
                kinds.put(index, Kind.THINKING);
                return reasoningChunk(block.thinking());
            }
            case "tool_use" -> {
                if (jsonMode && AnthropicRequests.JSON_TOOL_NAME.equals(block.name())) {
                    kinds.put(index, Kind.JSON_TOOL);
                    return List.of();
                }
                kinds.put(index, Kind.TOOL);
                int toolIndex = toolCount++;
                toolIndexes.put(index, toolIndex);
                return List.of(chunk(Delta.toolCall(ToolCallDelta.start(toolIndex, block.id(), block.name()))));
            }
            default -> {
                kinds.put(index, Kind.OTHER);
                return List.of();
            }
        }
    }

    private List<ChatCompletionChunk> onBlockDelta(int index, StreamEvent e) {
        if (e.delta() == null || e.delta().type() == null) {
            return List.of();
        }
        Kind kind = kinds.getOrDefault(index, Kind.OTHER);
        return switch (e.delta().type()) {
            case "text_delta" -> textChunk(e.delta().text());
            case "thinking_delta" -> reasoningChunk(e.delta().thinking());
            case "input_json_delta" -> inputChunk(kind, index, e.delta().partialJson());
            default -> List.of(); // signature_delta, citations_delta
        };
    }

    private List<ChatCompletionChunk> inputChunk(Kind kind, int index, String partialJson) {
        if (partialJson == null || partialJson.isEmpty()) {
            return List.of();
        }
        if (kind == Kind.JSON_TOOL) {
            return textChunk(partialJson);
        }
        Integer toolIndex = toolIndexes.get(index);
        if (kind != Kind.TOOL || toolIndex == null) {
            return List.of();
        }
        toolsWithArguments.add(index);
        return List.of(chunk(Delta.toolCall(ToolCallDelta.arguments(toolIndex, partialJson))));
    }

    /**
     * A tool called with no input streams no input_json_delta at all; without this its arguments
     * would reassemble to "" (not JSON), where the non-streamed answer says "{}".
     */
    private List<ChatCompletionChunk> onBlockStop(int index) {
        Integer toolIndex = toolIndexes.get(index);
        if (kinds.get(index) != Kind.TOOL || toolIndex == null || toolsWithArguments.contains(index)) {
            return List.of();
        }
        return List.of(chunk(Delta.toolCall(ToolCallDelta.arguments(toolIndex, "{}"))));
    }

    private List<ChatCompletionChunk> textChunk(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(chunk(Delta.content(text)));
    }

    private List<ChatCompletionChunk> reasoningChunk(String thinking) {
        return thinking == null || thinking.isEmpty() ? List.of()
                : List.of(chunk(new Delta(null, null, null, null, thinking)));
    }

    /** Usage in message_delta is cumulative; a field it leaves out keeps the message_start value. */
    private List<ChatCompletionChunk> onMessageDelta(StreamEvent e) {
        addUsage(e.usage());
        String stopReason = e.delta() == null ? null : e.delta().stopReason();
        if (stopReason == null) {
            return List.of();
        }
        String finish = AnthropicResponses.finishReason(stopReason, toolCount > 0);
        return List.of(ChatCompletionChunk.of(id, created, model, List.of(ChunkChoice.of(0, Delta.EMPTY, finish))));
    }

    private void addUsage(WireUsage u) {
        if (u == null) {
            return;
        }
        input = u.inputTokens() != null ? u.inputTokens() : input;
        output = u.outputTokens() != null ? u.outputTokens() : output;
        cacheRead = u.cacheReadInputTokens() != null ? u.cacheReadInputTokens() : cacheRead;
        cacheCreation = u.cacheCreationInputTokens() != null ? u.cacheCreationInputTokens() : cacheCreation;
    }

    private List<ChatCompletionChunk> onMessageStop() {
        finished = true;
        return List.of(ChatCompletionChunk.usageOnly(id, created, model,
                AnthropicResponses.usage(input, output, cacheRead, cacheCreation)));
    }

    private ChatCompletionChunk chunk(Delta delta) {
        return ChatCompletionChunk.of(id, created, model, List.of(ChunkChoice.of(0, delta, null)));
    }
}
