package dev.tollgate.keyadmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.BudgetDuration;
import dev.tollgate.keys.Limits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The settings keys, teams and users share, read from a request onto their current values: a
 * field left out keeps its value, an explicit null clears it. Creation starts from the defaults
 * (every model, no limits, no budget).
 */
final class Changes {
    /** Fields LiteLLM lets callers set that Tollgate keeps itself. */
    static final String[] READ_ONLY = {"spend"};

    private Changes() {
    }

    /**
     * The {@code updated_at} of a write over an item read with {@code previous}: now, made to differ
     * from {@code previous} (a clock that has not moved, or a fixed one in tests), because
     * {@code updated_at} is the optimistic lock that tells a write it raced another.
     */
    static Instant stamp(Clock clock, Instant previous) {
        Instant now = clock.instant();
        return now.equals(previous) ? now.plusNanos(1) : now;
    }

    static String text(Body b, String name, String current) {
        return b.has(name) ? b.text(name) : current;
    }

    static boolean flag(Body b, String name, boolean current) {
        Boolean v = b.bool(name);
        return v == null ? current : v;
    }

    static List<String> models(Body b, List<String> current) {
        return strings(b, "models", current);
    }

    static List<String> strings(Body b, String name, List<String> current) {
        if (!b.has(name)) {
            return current;
        }
        List<String> list = b.strings(name);
        return list == null ? List.of() : list;
    }

    static ObjectNode metadata(Body b, ObjectNode current) {
        return b.has("metadata") ? b.object("metadata") : current;
    }

    static Limits limits(Body b, Limits current) {
        return new Limits(
                b.has("rpm_limit") ? b.count("rpm_limit") : current.rpmLimit(),
                b.has("tpm_limit") ? b.bigCount("tpm_limit") : current.tpmLimit(),
                b.has("max_parallel_requests") ? b.count("max_parallel_requests") : current.maxParallelRequests());
    }

    /** A new or changed {@code budget_duration} starts a new window now; spend is left as it is. */
    static Budget budget(Body b, Budget current, Instant now) {
        BigDecimal max = b.has("max_budget") ? b.money("max_budget") : current.maxBudget();
        String duration = current.budgetDuration();
        Instant resetAt = current.resetAt();
        if (b.has("budget_duration")) {
            String given = b.text("budget_duration");
            duration = given == null ? null : BudgetDuration.parse(given, "budget_duration").toString();
            if (!Objects.equals(duration, current.budgetDuration())) {
                resetAt = duration == null ? null : BudgetDuration.parse(duration, "budget_duration").after(now);
            }
        }
        return new Budget(max, duration, resetAt, current.spend());
    }

    /** {@code duration}: how long from now the key lives; null means it never expires. */
    static Instant expires(Body b, Instant current, Instant now) {
        if (!b.has("duration")) {
            return current;
        }
        String given = b.text("duration");
        return given == null ? null : BudgetDuration.parse(given, "duration").after(now);
    }
}
