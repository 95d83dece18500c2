package dev.tollgate.provider;

import dev.tollgate.openai.ChatCompletionChunk;

/**
 * A pull-based stream of OpenAI-shaped chunks. {@link #next()} blocks for the next chunk, returns
 * null at the end, and throws {@link dev.tollgate.error.GatewayException} on an upstream failure.
 * The last chunk may be a usage-only chunk (no choices) whether or not the caller asked for usage;
 * the gateway decides what to forward.
 */
public interface ChunkStream extends AutoCloseable {

    ChatCompletionChunk next();

    @Override
    void close();
}
