package dev.tollgate.provider;

import dev.tollgate.openai.ChatCompletionChunk;
import java.util.List;

/**
 * Turns one provider's stream frames (SSE events, NDJSON lines ...) into OpenAI chunks. Stateful
 * (it remembers ids, tool-call indexes, usage so far), so one instance per stream.
 */
public interface FrameTranslator<F> {

    /** The chunks this frame yields, maybe none; throws a GatewayException for an error frame. */
    List<ChatCompletionChunk> translate(F frame);

    /** True once the provider's end-of-stream marker has been seen. */
    boolean finished();
}
