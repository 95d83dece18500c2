package dev.tollgate.limits;

import java.util.function.BiConsumer;

/**
 * OpenAI's {@code x-ratelimit-*} headers for one call: the tightest of its subjects' request and
 * token limits (the one with the fewest left). A kind no subject limits is left out ({@code limit}
 * null): there is no number to report. Resets are the time until the window is back to its initial
 * state, in OpenAI's format ({@code 20ms}, {@code 6s}, {@code 1m0s}).
 */
public record LimitStatus(Long limitRequests, long remainingRequests, long resetRequestsMillis,
                          Long limitTokens, long remainingTokens, long resetTokensMillis) {
    public static final LimitStatus NONE = new LimitStatus(null, 0, 0, null, 0, 0);

    public void writeTo(BiConsumer<String, String> header) {
        if (limitRequests != null) {
            header.accept("x-ratelimit-limit-requests", Long.toString(limitRequests));
            header.accept("x-ratelimit-remaining-requests", Long.toString(remainingRequests));
            header.accept("x-ratelimit-reset-requests", duration(resetRequestsMillis));
        }
        if (limitTokens != null) {
            header.accept("x-ratelimit-limit-tokens", Long.toString(limitTokens));
            header.accept("x-ratelimit-remaining-tokens", Long.toString(remainingTokens));
            header.accept("x-ratelimit-reset-tokens", duration(resetTokensMillis));
        }
    }

    /** {@code 0s}, {@code 250ms}, {@code 6s}, {@code 1m0s}: whole seconds (rounded up) from one second on. */
    static String duration(long millis) {
        if (millis <= 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = (millis + 999) / 1000;
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
