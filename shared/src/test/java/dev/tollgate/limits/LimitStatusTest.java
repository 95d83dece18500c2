package dev.tollgate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitStatusTest {
    @Test
    void resetsAreWrittenInOpenAisDurationFormat() {
        assertEquals("0s", LimitStatus.duration(0));
        assertEquals("20ms", LimitStatus.duration(20));
        assertEquals("6s", LimitStatus.duration(5_001));
        assertEquals("1m0s", LimitStatus.duration(60_000));
        assertEquals("1m1s", LimitStatus.duration(60_500));
    }

    @Test
    void writesOnlyTheKindsThatAreLimited() {
        Map<String, String> h = new LinkedHashMap<>();
        new LimitStatus(10L, 3, 12_000, null, 0, 0).writeTo(h::put);
        assertEquals(Map.of("x-ratelimit-limit-requests", "10", "x-ratelimit-remaining-requests", "3",
                "x-ratelimit-reset-requests", "12s"), h);
    }
}
