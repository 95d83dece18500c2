package dev.tollgate.limits;

/**
 * What a subject has used in the sliding minute before a call, as seconds since the epoch for the
 * oldest and newest one-second bucket that holds anything ({@code -1} when none does).
 */
record WindowCounts(long requests, long oldestRequestSecond, long newestRequestSecond,
                    long tokens, long oldestTokenSecond, long newestTokenSecond, long inFlight) {
    static final WindowCounts NONE = new WindowCounts(0, -1, -1, 0, -1, -1, 0);
}
