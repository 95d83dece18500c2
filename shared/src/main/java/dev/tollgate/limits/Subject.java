package dev.tollgate.limits;

import dev.tollgate.keys.Limits;

/**
 * Whose limits a call counts against: a key or a team.
 *
 * @param id    stable and unique across kinds ({@code key:<hash>}, {@code team:<id>}); names the counters
 * @param label how a refusal names it to the caller ({@code API key sk-...f3Qa}, {@code team research})
 */
public record Subject(String id, String label, Limits limits) {
    public boolean limited() {
        return limits.rpmLimit() != null || limits.tpmLimit() != null || limits.maxParallelRequests() != null;
    }
}
