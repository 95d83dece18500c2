package dev.tollgate.completion;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseWriter;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.Usage;
import dev.tollgate.router.OpenedStream;
import java.io.IOException;

/**
 * Relays an opened upstream stream to the caller chunk by chunk. Usage is always collected for
 * accounting; the usage chunk is forwarded only when the caller asked for it. A failure after the
 * first byte ends the stream with an error event, then {@code [DONE]} is not sent.
 */
final class StreamRelay {
    private final SseWriter out;
    private final boolean forwardUsage;
    private Usage usage;

    StreamRelay(SseWriter out, boolean forwardUsage) {
        this.out = out;
        this.forwardUsage = forwardUsage;
    }

    /** Relays until the end; an IOException means the caller went away. */
    void relay(OpenedStream opened) throws IOException {
        try {
            for (ChatCompletionChunk c = opened.first(); c != null; c = opened.stream().next()) {
                send(c);
            }
        } catch (GatewayException e) {
            out.error(e);
            return;
        }
        out.done();
    }

    private void send(ChatCompletionChunk c) throws IOException {
        if (c.usage() != null) {
            usage = c.usage();
            if (!forwardUsage) {
                if (c.choices().isEmpty()) {
                    return;
                }
                c = c.withoutUsage();
            }
        }
        out.data(c);
    }

    /** The usage the upstream reported, or null if it reported none. */
    Usage usage() {
        return usage;
    }
}
