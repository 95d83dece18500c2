package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.error.GatewayException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetDurationTest {
    private static final Instant T = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void addsEachUnitToTheStart() {
        assertEquals(T.plusSeconds(30), BudgetDuration.parse("30s", "d").after(T));
        assertEquals(T.plusSeconds(30 * 60), BudgetDuration.parse("30m", "d").after(T));
        assertEquals(T.plusSeconds(30 * 3600), BudgetDuration.parse("30h", "d").after(T));
        assertEquals(T.plusSeconds(30 * 86400), BudgetDuration.parse("30d", "d").after(T));
        assertEquals(T.plusSeconds(14 * 86400), BudgetDuration.parse("2w", "d").after(T));
    }

    @Test
    void nextWindowStepsFromTheOldEndPastNow() {
        BudgetDuration daily = BudgetDuration.parse("1d", "d");
        assertEquals(T.plusSeconds(86_400), daily.nextAfter(T, T), "a window ending now is over");
        assertEquals(T.plusSeconds(3 * 86_400), daily.nextAfter(T, T.plusSeconds(2 * 86_400 + 5)));
        assertEquals(T.plusSeconds(3 * 86_400), daily.nextAfter(T, T.plusSeconds(3 * 86_400 - 1)));
        assertEquals(T.plusSeconds(30), daily.nextAfter(T.plusSeconds(30), T), "a window not yet over stays");
        assertEquals(T.plusSeconds(30 * 1_000_001L), BudgetDuration.parse("30s", "d").nextAfter(T, T.plusSeconds(30_000_000L)));
    }

    @Test
    void nextMonthlyWindowKeepsTheDayOfTheMonth() {
        BudgetDuration monthly = BudgetDuration.parse("1mo", "d");
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), monthly.nextAfter(T, Instant.parse("2026-03-01T00:00:00Z")),
                "January 31 steps to March 31, not to the 28th February clipped it to");
        assertEquals(Instant.parse("2027-01-31T10:00:00Z"), monthly.nextAfter(T, Instant.parse("2026-12-31T10:00:00Z")));
        assertEquals(Instant.parse("2026-07-31T10:00:00Z"), BudgetDuration.parse("3mo", "d")
                .nextAfter(T, Instant.parse("2026-05-01T00:00:00Z")));
    }

    @Test
    void monthsAreCalendarMonths() {
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), BudgetDuration.parse("1mo", "d").after(T));
        assertEquals("1mo", BudgetDuration.parse("1mo", "d").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30y", "30", "d", "0d", "-1d", "1.5h", ""})
    void rejectsOtherFormsNamingTheField(String text) {
        GatewayException e = assertThrows(GatewayException.class, () -> BudgetDuration.parse(text, "budget_duration"));
        assertEquals("budget_duration", e.param());
    }
}
