package dev.tollgate.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A team: its keys' limits can only narrow these. {@code models} empty means every model. */
public record Team(String teamId, String teamAlias, List<String> models, Limits limits, Budget budget,
                   boolean blocked, ObjectNode metadata, Instant createdAt, Instant updatedAt) {
    public Team {
        models = models == null ? List.of() : List.copyOf(models);
        limits = limits == null ? Limits.NONE : limits;
        budget = budget == null ? Budget.UNLIMITED : budget;
    }

    /** The same team with another budget (the request path's view after it recorded spend). */
    public Team withBudget(Budget newBudget) {
        return new Team(teamId, teamAlias, models, limits, newBudget, blocked, metadata, createdAt, updatedAt);
    }
}
