package dev.tollgate.keys;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A spend budget in USD. {@code maxBudget} null means unlimited; {@code budgetDuration} (LiteLLM's
 * "30s", "30m", "30h", "30d", "1mo") null means the budget never resets, else {@code resetAt} is
 * when the current window ends and spend returns to zero.
 */
public record Budget(BigDecimal maxBudget, String budgetDuration, Instant resetAt, BigDecimal spend) {
    public static final Budget UNLIMITED = new Budget(null, null, null, BigDecimal.ZERO);

    public Budget {
        spend = spend == null ? BigDecimal.ZERO : spend;
    }

    /** True once spend has reached the maximum. */
    public boolean exhausted() {
        return maxBudget != null && spend.compareTo(maxBudget) >= 0;
    }

    /**
     * True once the spend of the window that holds {@code now} has reached the maximum. A window
     * ends at {@code resetAt} itself: from that instant on the spend shown belongs to a finished
     * window and counts as zero, as the spend write sees it ({@link #rolledAt}).
     */
    public boolean exhaustedAt(Instant now) {
        Budget current = rolledAt(now);
        return current.exhausted() && (current.resetAt == null || now.isBefore(current.resetAt));
    }

    /** Whether the window ended at or before {@code now} (never, without a reset time). */
    public boolean windowEndedAt(Instant now) {
        return resetAt != null && !now.isBefore(resetAt);
    }

    /**
     * This budget as of {@code now}: unchanged while its window lasts; once the window has ended,
     * the next window (stepped from {@code resetAt} by {@code budgetDuration}) with nothing spent.
     */
    public Budget rolledAt(Instant now) {
        if (budgetDuration == null || !windowEndedAt(now)) {
            return this;
        }
        Instant next = BudgetDuration.parse(budgetDuration, "budget_duration").nextAfter(resetAt, now);
        return new Budget(maxBudget, budgetDuration, next, BigDecimal.ZERO);
    }

    /** This budget with {@code cost} more spent. */
    public Budget plusSpend(BigDecimal cost) {
        return new Budget(maxBudget, budgetDuration, resetAt, spend.add(cost));
    }

    /** This budget with {@code cost} spent at {@code now}: in the next window if the current one has ended. */
    public Budget plusSpendAt(BigDecimal cost, Instant now) {
        return rolledAt(now).plusSpend(cost);
    }
}
