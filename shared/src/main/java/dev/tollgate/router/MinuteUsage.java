package dev.tollgate.router;

/**
 * Requests and tokens one deployment has used in the current clock minute, the window LiteLLM's
 * rpm/tpm limits count in. A new minute starts from zero.
 */
final class MinuteUsage {
    private static final long MINUTE_MILLIS = 60_000;
    private long minute = Long.MIN_VALUE;
    private long requests;
    private long tokens;

    synchronized void addRequest(long nowMillis) {
        roll(nowMillis);
        requests++;
    }

    synchronized void addTokens(long nowMillis, long count) {
        roll(nowMillis);
        tokens += count;
    }

    synchronized long requests(long nowMillis) {
        roll(nowMillis);
        return requests;
    }

    synchronized long tokens(long nowMillis) {
        roll(nowMillis);
        return tokens;
    }

    /** Milliseconds until the next minute starts. */
    static long millisToNextMinute(long nowMillis) {
        return MINUTE_MILLIS - Math.floorMod(nowMillis, MINUTE_MILLIS);
    }

    private void roll(long nowMillis) {
        long current = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        if (current != minute) {
            minute = current;
            requests = 0;
            tokens = 0;
        }
    }
}
