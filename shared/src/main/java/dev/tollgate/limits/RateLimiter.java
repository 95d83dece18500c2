package dev.tollgate.limits;

import java.util.List;

/**
 * Counts calls against the rpm, tpm and parallel-request limits of their key and team. One call
 * to {@link #acquire} checks every limit of every subject and, only if all allow it, counts the
 * call in (one request, one parallel slot) as one atomic step; a refused call counts nowhere.
 * Tokens are known only afterwards: {@link Lease#release} adds them and frees the slot. A call is
 * admitted while its subjects' tokens in the window are below {@code tpm_limit}, so the last call
 * admitted may take the count past the limit (as in LiteLLM).
 *
 * <p>Windows slide: requests and tokens are kept in one-second buckets and a call counts while
 * its bucket is within the last 61 seconds, so in any 60-second span no more than the limit is
 * admitted, without the twice-the-limit burst a fixed window allows across its boundary, and in
 * bounded memory (61 buckets a subject) unlike a log of every call.
 */
public interface RateLimiter {
    /** Never throws for a limit: a refusal is in the answer. */
    Admission acquire(List<Subject> subjects);

    /** A call's place: its parallel slot, and where its tokens are added. */
    interface Lease {
        Lease NONE = tokens -> {
        };

        /** Frees the slot and counts the tokens the call used; never throws. Call once. */
        void release(long tokens);
    }
}
