package dev.tollgate.provider;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.openai.EmbeddingRequest;
import java.time.Duration;

/** One embeddings call to one deployment; {@code timeout} bounds the whole call. */
public record EmbeddingCall(EmbeddingRequest request, Deployment deployment, Secret apiKey, Duration timeout,
                            String requestId) {
}
