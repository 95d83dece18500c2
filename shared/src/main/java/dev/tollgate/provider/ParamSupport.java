package dev.tollgate.provider;

import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import java.util.HashSet;
import java.util.Set;

/**
 * The optional OpenAI parameters a provider rejects. {@link #apply} drops them when
 * {@code drop_params} is on, else rejects the request with a 400 naming the first one.
 */
public record ParamSupport(String providerName, Set<String> unsupported) {

    public static ParamSupport all(String providerName) {
        return new ParamSupport(providerName, Set.of());
    }

    public ChatRequest apply(ChatRequest request, boolean dropParams) {
        if (unsupported.isEmpty()) {
            return request;
        }
        Set<String> present = new HashSet<>();
        for (String name : request.presentParams()) {
            if (unsupported.contains(name) && !isHarmless(name, request)) {
                if (!dropParams) {
                    throw GatewayException.invalid(name, providerName + " does not support parameter '" + name
                            + "'. Remove it, or set litellm_settings.drop_params: true to drop it.");
                }
                present.add(name);
            }
        }
        return request.without(present);
    }

    /** {@code n: 1} asks for what every provider does anyway. */
    private static boolean isHarmless(String name, ChatRequest request) {
        return "n".equals(name) && request.n() != null && request.n() == 1;
    }
}
