package dev.tollgate.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A virtual key as stored: never the key itself, only its SHA-256 ({@code tokenHash}, lowercase
 * hex, LiteLLM's {@code token}) and a masked display form ({@code keyName}, e.g. {@code sk-...f3Qa}).
 *
 * @param models   allowed model names; empty means every model (of the team, if any); entries may
 *                 be {@code provider/*} wildcards
 * @param expires  null for a key that never expires
 * @param metadata free JSON the caller attached (tenant_id, platform_id, provider_credentials ...)
 */
public record VirtualKey(String tokenHash, String keyName, String keyAlias, String teamId, String userId,
                         List<String> models, Limits limits, Budget budget, Instant expires, boolean blocked,
                         ObjectNode metadata, Instant createdAt, Instant updatedAt) {
    public VirtualKey {
        models = models == null ? List.of() : List.copyOf(models);
        limits = limits == null ? Limits.NONE : limits;
        budget = budget == null ? Budget.UNLIMITED : budget;
    }

    /** The same key with another budget (the request path's view after it recorded spend). */
    public VirtualKey withBudget(Budget newBudget) {
        return new VirtualKey(tokenHash, keyName, keyAlias, teamId, userId, models, limits, newBudget, expires, blocked,
                metadata, createdAt, updatedAt);
    }

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
