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
     * True once spend has reached the maximum, unless the budget's window ended before {@code now}:
     * then the spend shown belongs to a finished window that the budget reset has not cleared yet.
     */
    public boolean exhaustedAt(Instant now) {
        return exhausted() && (resetAt == null || now.isBefore(resetAt));
    }

    /** This budget with {@code cost} more spent. */
    public Budget plusSpend(BigDecimal cost) {
        return new Budget(maxBudget, budgetDuration, resetAt, spend.add(cost));
    }
}
