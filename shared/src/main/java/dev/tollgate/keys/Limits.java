package dev.tollgate.keys;

/**
 * Rate limits of a key or team; null means no limit of that kind.
 *
 * @param rpmLimit            requests per minute
 * @param tpmLimit            tokens (prompt + completion) per minute
 * @param maxParallelRequests requests in flight at once
 */
public record Limits(Integer rpmLimit, Long tpmLimit, Integer maxParallelRequests) {
    public static final Limits NONE = new Limits(null, null, null);
}
