package dev.tollgate.provider.anthropic;

import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Replays a recorded stream through {@link SseReader} and a fresh translator, and reassembles what came out. */
final class StreamReplay {
    static final long CREATED = 1_700_000_000L;

    private StreamReplay() {
    }

    static AnthropicStreamTranslator translator() {
        return new AnthropicStreamTranslator("claude-fallback", "chatcmpl-fallback", CREATED, false);
    }

    static List<ChatCompletionChunk> chunks(InputStream in) {
        return chunks(in, translator());
    }

    static List<ChatCompletionChunk> chunks(InputStream in, AnthropicStreamTranslator translator) {
        SseReader reader = new SseReader(in);
        List<ChatCompletionChunk> out = new ArrayList<>();
        try {
            SseEvent event;
            while (!translator.finished() && (event = reader.next()) != null) {
                out.addAll(translator.translate(event));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String content(List<ChatCompletionChunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ChatCompletionChunk c : chunks) {
            for (ChunkChoice choice : c.choices()) {
                if (choice.delta().content() != null) {
                    sb.append(choice.delta().content());
                }
            }
        }
        return sb.toString();
    }

    static String reasoning(List<ChatCompletionChunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ChatCompletionChunk c : chunks) {
            for (ChunkChoice choice : c.choices()) {
                if (choice.delta().reasoningContent() != null) {
                    sb.append(choice.delta().reasoningContent());
                }
            }
        }
        return sb.toString();
    }

    /** Tool-call index to its name and arguments, joined across chunks. */
    static Map<Integer, String[]> toolCalls(List<ChatCompletionChunk> chunks) {
        Map<Integer, String[]> calls = new TreeMap<>();
        for (ChatCompletionChunk c : chunks) {
            for (ChunkChoice choice : c.choices()) {
                List<ToolCallDelta> deltas = choice.delta().toolCalls() == null ? List.of() : choice.delta().toolCalls();
                for (ToolCallDelta d : deltas) {
                    String[] call = calls.computeIfAbsent(d.index(), i -> new String[] {null, null, ""});
                    if (d.id() != null) {
                        call[0] = d.id();
                        call[1] = d.function().name();
                    }
                    call[2] += d.function().arguments() == null ? "" : d.function().arguments();
                }
            }
        }
        return calls;
    }

}
