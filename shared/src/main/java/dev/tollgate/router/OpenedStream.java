package dev.tollgate.router;

import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.ChunkStream;

/**
 * A stream whose first chunk has already arrived (null when the upstream ended it with none).
 * Until that chunk, a failure could still move to another deployment; from here on it cannot.
 */
public record OpenedStream(ChunkStream stream, ChatCompletionChunk first) implements AutoCloseable {
    @Override
    public void close() {
        stream.close();
    }
}
