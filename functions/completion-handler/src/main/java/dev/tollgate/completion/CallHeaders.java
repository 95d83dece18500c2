package dev.tollgate.completion;

import dev.tollgate.http.Exchange;
import dev.tollgate.router.Routed;

/** The {@code x-tollgate-*} headers that say where a call went and what it cost in time. */
final class CallHeaders {
    private CallHeaders() {
    }

    static void set(Exchange ex, Routed<?> routed) {
        long totalNanos = System.nanoTime() - ex.startNanos();
        ex.setHeader("x-tollgate-model-group", routed.deployment().modelName());
        ex.setHeader("x-tollgate-model-id", routed.deployment().id());
        ex.setHeader("x-tollgate-provider", routed.deployment().provider().prefix());
        ex.setHeader("x-tollgate-attempted-retries", Integer.toString(routed.attempts() - 1));
        ex.setHeader("x-tollgate-overhead-ms", millis(totalNanos - routed.upstreamNanos()));
        ex.setHeader("x-tollgate-response-duration-ms", millis(totalNanos));
    }

    /** Milliseconds with three decimals ({@code 12.045}), without String.format on the hot path. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        long fraction = micros % 1000;
        return micros / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
