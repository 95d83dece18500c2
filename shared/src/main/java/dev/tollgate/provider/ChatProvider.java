package dev.tollgate.provider;

import dev.tollgate.openai.ChatCompletion;

/**
 * A provider family's chat endpoint. Both calls throw {@link dev.tollgate.error.GatewayException}
 * with the kind that says whether another deployment may be tried. Implementations are stateless
 * and thread-safe; one instance serves every deployment of its family.
 */
public interface ChatProvider {

    ChatCompletion complete(ProviderCall call);

    /**
     * Opens a stream. Returns once the upstream has accepted the call (status 2xx); an error before
     * that is thrown here, so the caller may still fall back.
     */
    ChunkStream stream(ProviderCall call);

    /** Which optional OpenAI parameters this provider can take. */
    ParamSupport params();

    /** The same for one deployment, where it depends on the model (Claude or Gemini on Vertex ...). */
    default ParamSupport params(dev.tollgate.config.Deployment deployment) {
        return params();
    }

    /**
     * Called once per deployment at start-up, before any request: the place to build clients,
     * read credentials files and fail fast on bad provider settings, so that the request path does
     * none of it. Throws {@link IllegalArgumentException} with a one-line message naming the setting.
     */
    default void prepare(dev.tollgate.config.Deployment deployment) {
    }
}
