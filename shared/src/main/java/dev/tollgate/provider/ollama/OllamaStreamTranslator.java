package dev.tollgate.provider.ollama;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.provider.NdjsonChunkStream;
import dev.tollgate.provider.ollama.OllamaWire.ChatLine;
import dev.tollgate.provider.ollama.OllamaWire.WireMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's NDJSON stream lines to OpenAI chunks: the role first, then content (and thinking) deltas,
 * each tool call as one complete delta (Ollama sends them whole), and at the {@code done: true} line
 * a finish chunk and a usage-only chunk. An {@code {"error":...}} line fails the stream. One per stream.
 */
final class OllamaStreamTranslator implements NdjsonChunkStream.LineTranslator {
    private final String provider;
    private final String id;
    private final String idSeed;
    private final String fallbackModel;
    private final long now;
    private long created;
    private boolean started;
    private int toolCalls;
    private boolean done;

    OllamaStreamTranslator(String provider, String idSeed, String fallbackModel, long now) {
        this.provider = provider;
        this.id = OllamaResponses.completionId(idSeed);
        this.idSeed = idSeed;
        this.fallbackModel = fallbackModel;
        this.now = now;
    }

    @Override
    public List<ChatCompletionChunk> translate(String text) {
        ChatLine line = OllamaResponses.read(text, provider);
        if (line.error() != null) {
            done = true;
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " failed mid-stream: "
                    + OllamaErrors.message(line.error()));
        }
        String model = line.model() == null ? fallbackModel : line.model();
        List<ChatCompletionChunk> out = new ArrayList<>();
        if (!started) {
            started = true;
            created = OllamaResponses.created(line.createdAt(), now);
            out.add(chunk(model, Delta.role("assistant"), null));
        }
        WireMessage m = line.message();
        if (m != null) {
            deltas(m, model, out);
        }
        if (line.done()) {
            done = true;
            out.add(chunk(model, Delta.EMPTY, OllamaResponses.finishReason(line.doneReason(), toolCalls > 0)));
            out.add(ChatCompletionChunk.usageOnly(id, created, model, OllamaResponses.usage(line)));
        }
        return out;
    }

    private void deltas(WireMessage m, String model, List<ChatCompletionChunk> out) {
        if (m.thinking() != null && !m.thinking().isEmpty()) {
            out.add(chunk(model, new Delta(null, null, null, null, m.thinking()), null));
        }
        if (m.content() != null && !m.content().isEmpty()) {
            out.add(chunk(model, Delta.content(m.content()), null));
        }
        for (ToolCall c : OllamaResponses.toolCalls(m.toolCalls(), idSeed, toolCalls)) {
            var fn = new ToolCallDelta.FunctionDelta(c.function().name(), c.function().arguments());
            out.add(chunk(model, Delta.toolCall(new ToolCallDelta(toolCalls++, c.id(), "function", fn)), null));
        }
    }

    private ChatCompletionChunk chunk(String model, Delta delta, String finishReason) {
        return ChatCompletionChunk.of(id, created, model, List.of(ChunkChoice.of(0, delta, finishReason)));
    }

    @Override
    public boolean finished() {
        return done;
    }
}
