package dev.tollgate.provider.bedrock;

import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * ConverseStream events to OpenAI chunks, one event at a time: the role at {@code messageStart},
 * text and tool-input deltas, a tool call's id and name at its {@code contentBlockStart}, the finish
 * reason at {@code messageStop}, a usage-only chunk at {@code metadata}. Stateful, one per stream.
 */
final class BedrockStreamTranslator {
    private final String id;
    private final long created;
    private final String model;
    /** Converse's content block index to the OpenAI tool call index. */
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    /** Content block indexes of the {@value BedrockRequests#JSON_TOOL_NAME} call, whose input is text. */
    private final Set<Integer> jsonBlocks = new HashSet<>();
    /** Tool blocks that streamed some input; the others get "{}" when they stop. */
    private final Set<Integer> blocksWithInput = new HashSet<>();
    private final boolean jsonMode;
    private boolean stopped;

    /** @param jsonMode whether a {@value BedrockRequests#JSON_TOOL_NAME} call is the JSON answer */
    BedrockStreamTranslator(String id, long created, String model, boolean jsonMode) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.jsonMode = jsonMode;
    }

    /** The chunks one event adds; often one, none for block stops and unknown events. */
    List<ChatCompletionChunk> onEvent(ConverseStreamOutput event) {
        return switch (event.sdkEventType()) {
            case MESSAGE_START -> List.of(chunk(Delta.role("assistant"), null));
            case CONTENT_BLOCK_START -> blockStart((ContentBlockStartEvent) event);
            case CONTENT_BLOCK_DELTA -> blockDelta((ContentBlockDeltaEvent) event);
            case CONTENT_BLOCK_STOP -> blockStop(((ContentBlockStopEvent) event).contentBlockIndex());
            case MESSAGE_STOP -> {
                stopped = true;
                String reason = ((MessageStopEvent) event).stopReasonAsString();
                boolean onlyJson = jsonMode && toolIndexByBlock.isEmpty() && "tool_use".equals(reason);
                yield List.of(chunk(Delta.EMPTY, onlyJson ? "stop" : BedrockResponses.finishReason(reason)));
            }
            case METADATA -> List.of(ChatCompletionChunk.usageOnly(id, created, model,
                    BedrockResponses.usage(((ConverseStreamMetadataEvent) event).usage())));
            default -> List.of();
        };
    }

    /** Whether {@code messageStop} came: a stream that ends before it was cut. */
    boolean stopped() {
        return stopped;
    }

    private List<ChatCompletionChunk> blockStart(ContentBlockStartEvent e) {
        if (e.start() == null || e.start().toolUse() == null) {
            return List.of();
        }
        if (jsonMode && BedrockRequests.JSON_TOOL_NAME.equals(e.start().toolUse().name())) {
            jsonBlocks.add(e.contentBlockIndex());
            return List.of();
        }
        int index = toolIndexByBlock.size();
        toolIndexByBlock.put(e.contentBlockIndex(), index);
        return List.of(chunk(Delta.toolCall(ToolCallDelta.start(index, e.start().toolUse().toolUseId(),
                e.start().toolUse().name())), null));
    }

    private List<ChatCompletionChunk> blockDelta(ContentBlockDeltaEvent e) {
        ContentBlockDelta d = e.delta();
        if (d == null) {
            return List.of();
        }
        if (d.text() != null) {
            return d.text().isEmpty() ? List.of() : List.of(chunk(Delta.content(d.text()), null));
        }
        if (d.toolUse() != null && d.toolUse().input() != null && jsonBlocks.contains(e.contentBlockIndex())) {
            return d.toolUse().input().isEmpty() ? List.of() : List.of(chunk(Delta.content(d.toolUse().input()), null));
        }
        if (d.toolUse() != null && d.toolUse().input() != null && !d.toolUse().input().isEmpty()) {
            Integer index = toolIndexByBlock.get(e.contentBlockIndex());
            if (index == null) {
                return List.of();
            }
            blocksWithInput.add(e.contentBlockIndex());
            return List.of(chunk(Delta.toolCall(ToolCallDelta.arguments(index, d.toolUse().input())), null));
        }
        if (d.reasoningContent() != null && d.reasoningContent().text() != null) {
            return List.of(chunk(new Delta(null, null, null, null, d.reasoningContent().text()), null));
        }
        return List.of();
    }

    /** A tool called with no input streams none; its arguments must still reassemble to "{}", not "". */
    private List<ChatCompletionChunk> blockStop(Integer block) {
        Integer index = block == null ? null : toolIndexByBlock.get(block);
        if (index == null || blocksWithInput.contains(block)) {
            return List.of();
        }
        return List.of(chunk(Delta.toolCall(ToolCallDelta.arguments(index, "{}")), null));
    }

    private ChatCompletionChunk chunk(Delta delta, String finishReason) {
        return ChatCompletionChunk.of(id, created, model, List.of(ChunkChoice.of(0, delta, finishReason)));
    }
}
