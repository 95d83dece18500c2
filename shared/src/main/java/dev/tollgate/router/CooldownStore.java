package dev.tollgate.router;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Where cooldowns live: in this process, or in Redis so that every instance skips a deployment
 * one of them found failing. Implementations must not throw on the request path.
 */
public interface CooldownStore {

    /** Takes the deployment out for {@code length} from {@code now}; a later call replaces an earlier one. */
    void put(String deploymentId, Instant now, Duration length);

    /** The cooldowns among {@code deploymentIds} that end after {@code now}, by id. */
    Map<String, Instant> active(Collection<String> deploymentIds, Instant now);
}
