package dev.tollgate.router;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cooldowns of this process only. Keys are deployment ids, a fixed set, so the map stays small. */
public final class LocalCooldowns implements CooldownStore {
    private final ConcurrentHashMap<String, Instant> until = new ConcurrentHashMap<>();

    @Override
    public void put(String deploymentId, Instant now, Duration length) {
        until.put(deploymentId, now.plus(length));
    }

    @Override
    public Map<String, Instant> active(Collection<String> deploymentIds, Instant now) {
        Map<String, Instant> active = null;
        for (String id : deploymentIds) {
            Instant end = until.get(id);
            if (end != null && end.isAfter(now)) {
                if (active == null) {
                    active = new HashMap<>();
                }
                active.put(id, end);
            }
        }
        return active == null ? Map.of() : active;
    }
}
