package dev.tollgate.provider;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.openai.ChatRequest;
import java.time.Duration;

/**
 * One call to one deployment. {@code request} has already been filtered to the parameters the
 * provider takes. {@code timeout} bounds a whole non-streamed call, and the gap between two
 * chunks of a stream; {@code streamTimeout} bounds the wait for a stream's first chunk.
 */
public record ProviderCall(ChatRequest request, Deployment deployment, Secret apiKey, Duration timeout,
                           Duration streamTimeout, String requestId) {
}
