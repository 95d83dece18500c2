package dev.tollgate.provider;

/**
 * A provider family that can also embed. A separate ability, so a chat-only provider implements
 * nothing for it. Throws {@link dev.tollgate.error.GatewayException} like chat calls do.
 */
public interface EmbeddingProvider {

    /** One vector per input, in input order. */
    Embeddings embed(EmbeddingCall call);
}
