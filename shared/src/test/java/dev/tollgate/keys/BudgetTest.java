package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static final Instant END = Instant.parse("2026-03-02T09:00:00Z");

    private static Budget daily(String max, Instant resetAt, String spend) {
        return new Budget(new BigDecimal(max), "1d", resetAt, new BigDecimal(spend));
    }

    @Test
    void spentWindowIsExhaustedUntilTheInstantItEnds() {
        Budget b = daily("1", END, "1");
        assertTrue(b.exhaustedAt(END.minusNanos(1)));
        assertFalse(b.exhaustedAt(END), "the window ends at its reset time");
    }

    @Test
    void spendInTheWindowAfterTheFirstIsEnforced() {
        Budget next = daily("1", END, "5").plusSpendAt(new BigDecimal("1"), END.plusSeconds(60));
        assertEquals(daily("1", END.plusSeconds(86_400), "1"), next);
        assertTrue(next.exhaustedAt(END.plusSeconds(120)), "the second window's spend counts against it");
    }

    @Test
    void zeroBudgetStaysExhaustedAcrossWindows() {
        assertTrue(daily("0", END, "0").exhaustedAt(END.plusSeconds(5)));
    }

    @Test
    void budgetWithoutDurationNeverRolls() {
        Budget b = new Budget(new BigDecimal("1"), null, null, new BigDecimal("2"));
        assertEquals(b, b.rolledAt(END));
        assertTrue(b.exhaustedAt(END));
    }
}
