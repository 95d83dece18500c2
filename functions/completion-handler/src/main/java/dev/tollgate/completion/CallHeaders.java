package dev.tollgate.completion;

import dev.tollgate.config.Deployment;
import dev.tollgate.http.Exchange;
import dev.tollgate.router.CallTrace;
import dev.tollgate.router.Routed;

/**
 * The {@code x-tollgate-*} headers that say where a call went and what it cost in time, on
 * answers and on routed failures alike (x-tollgate-call-id is set for every request by the server).
 */
final class CallHeaders {
    private CallHeaders() {
    }

    /** For an answer: where it came from. */
    static void set(Exchange ex, Routed<?> routed) {
        set(ex, routed.trace());
    }

    /**
     * For a failed call: where it went, or, when it was refused before routing (key, budget,
     * limits), the model group asked for, with no attempts.
     */
    static void failed(Exchange ex, CallTrace trace, String requestedModel) {
        if (!ex.responded()) {
            set(ex, trace, trace.modelGroup() != null ? trace.modelGroup() : requestedModel);
        }
    }

    private static void set(Exchange ex, CallTrace trace) {
        set(ex, trace, trace.modelGroup());
    }

    private static void set(Exchange ex, CallTrace trace, String modelGroup) {
        long totalNanos = System.nanoTime() - ex.startNanos();
        if (modelGroup != null) {
            ex.setHeader("x-tollgate-model-group", modelGroup);
        }
        Deployment d = trace.deployment();
        if (d != null) {
            ex.setHeader("x-tollgate-model-id", d.id());
            ex.setHeader("x-tollgate-provider", d.provider().prefix());
        }
        ex.setHeader("x-tollgate-attempted-retries", Integer.toString(trace.retries()));
        ex.setHeader("x-tollgate-attempted-fallbacks", Integer.toString(trace.fallbacks()));
        ex.setHeader("x-tollgate-overhead-ms", millis(totalNanos - trace.upstreamNanos()));
        ex.setHeader("x-tollgate-response-duration-ms", millis(totalNanos));
    }

    /** Milliseconds with three decimals ({@code 12.045}), without String.format on the hot path. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        long fraction = micros % 1000;
        return micros / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
