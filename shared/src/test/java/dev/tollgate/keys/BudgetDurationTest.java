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
