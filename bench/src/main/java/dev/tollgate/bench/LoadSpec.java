package dev.tollgate.bench;

import java.time.Duration;

/**
 * One load run. {@code rate > 0}: open loop, requests start on a fixed schedule whatever the
 * latency, over at most {@code connections} keep-alive connections. {@code rate == 0}: closed loop,
 * each connection sends its next request as soon as the previous answer is complete.
 */
record LoadSpec(String label, String host, int port, byte[] request, boolean stream, double rate,
                int connections, Duration warmup, Duration duration) {

    LoadSpec {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0");
        }
    }

    boolean openLoop() {
        return rate > 0;
    }
}
