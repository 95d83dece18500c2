package dev.tollgate.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** An internal user (LiteLLM's {@code /user/*}): owns keys, may belong to teams. */
public record User(String userId, String userEmail, String userRole, List<String> teams, List<String> models,
                   Limits limits, Budget budget, ObjectNode metadata, Instant createdAt, Instant updatedAt) {
    public User {
        teams = teams == null ? List.of() : List.copyOf(teams);
        models = models == null ? List.of() : List.copyOf(models);
        limits = limits == null ? Limits.NONE : limits;
        budget = budget == null ? Budget.UNLIMITED : budget;
    }
}
