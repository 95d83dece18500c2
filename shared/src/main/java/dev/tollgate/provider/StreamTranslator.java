package dev.tollgate.provider;

import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import java.util.List;

/**
 * Turns one provider's server-sent events into OpenAI chunks. Stateful (it remembers ids, tool-call
 * indexes, usage so far), so one instance per stream.
 */
public interface StreamTranslator {

    /** The chunks this event yields, maybe none; throws a GatewayException for an error event. */
    List<ChatCompletionChunk> translate(SseEvent event);

    /** True once the provider's end-of-stream marker has been seen. */
    boolean finished();
}
