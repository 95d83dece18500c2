package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.ChunkStream;
import java.util.function.Consumer;

/**
 * A stream that has started, counted while it lasts: it stays in flight for least-busy until
 * closed, its usage counts toward the deployment's tpm, and a failure mid-stream counts toward
 * the deployment's cooldown.
 */
final class TrackedStream implements ChunkStream {
    private final ChunkStream inner;
    private final Deployment deployment;
    private final DeploymentStats stats;
    private final Consumer<GatewayException> onFailure;
    private boolean closed;

    TrackedStream(ChunkStream inner, Deployment deployment, DeploymentStats stats,
                  Consumer<GatewayException> onFailure) {
        this.inner = inner;
        this.deployment = deployment;
        this.stats = stats;
        this.onFailure = onFailure;
    }

    /** Counts a chunk's usage, when it has some; returns the chunk. */
    ChatCompletionChunk counted(ChatCompletionChunk c) {
        if (c != null && c.usage() != null) {
            stats.tokens(deployment, c.usage().totalTokens());
        }
        return c;
    }

    @Override
    public ChatCompletionChunk next() {
        try {
            return counted(inner.next());
        } catch (GatewayException e) {
            onFailure.accept(e);
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            stats.finished(deployment);
            inner.close();
        }
    }
}
