package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import dev.tollgate.keys.Team;
import dev.tollgate.keys.VirtualKey;
import java.math.BigDecimal;

/**
 * A key's limits can only narrow its team's: a key whose rpm, tpm, parallel requests or budget
 * exceed the team's, or whose models lie outside the team's, is refused with a 400 naming the field.
 * A key that leaves a setting unset inherits the team's, so that is always within it.
 */
final class TeamNarrowing {
    private TeamNarrowing() {
    }

    static void check(VirtualKey key, Team team) {
        within("rpm_limit", key.limits().rpmLimit(), team.limits().rpmLimit(), team);
        within("tpm_limit", key.limits().tpmLimit(), team.limits().tpmLimit(), team);
        within("max_parallel_requests", key.limits().maxParallelRequests(), team.limits().maxParallelRequests(), team);
        BigDecimal keyBudget = key.budget().maxBudget();
        BigDecimal teamBudget = team.budget().maxBudget();
        if (keyBudget != null && teamBudget != null && keyBudget.compareTo(teamBudget) > 0) {
            throw invalid("max_budget", "max_budget " + keyBudget.toPlainString() + " exceeds the max_budget "
                    + teamBudget.toPlainString() + " of team " + team.teamId() + ".");
        }
        if (allowsEveryModel(team)) {
            return;
        }
        for (String model : key.models()) {
            if (!teamAllows(team, model)) {
                throw invalid("models", "models: \"" + model + "\" is not among the models of team " + team.teamId()
                        + " " + team.models() + ".");
            }
        }
    }

    private static void within(String field, Number key, Number team, Team t) {
        if (key != null && team != null && key.longValue() > team.longValue()) {
            throw invalid(field, field + " " + key + " exceeds the " + field + " " + team + " of team " + t.teamId() + ".");
        }
    }

    private static boolean allowsEveryModel(Team team) {
        return team.models().isEmpty() || team.models().contains("*") || team.models().contains("all-proxy-models");
    }

    /** Named by the team, or under one of its {@code provider/*} wildcards. */
    private static boolean teamAllows(Team team, String model) {
        for (String allowed : team.models()) {
            if (allowed.equals(model)) {
                return true;
            }
            if (allowed.endsWith("/*") && model.startsWith(allowed.substring(0, allowed.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
