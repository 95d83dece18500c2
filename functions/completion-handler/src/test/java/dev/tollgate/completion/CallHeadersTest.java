package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallHeadersTest {

    @Test
    void formatsMillisecondsWithThreeDecimals() {
        assertEquals("0.000", CallHeaders.millis(0));
        assertEquals("0.000", CallHeaders.millis(-5_000));
        assertEquals("0.007", CallHeaders.millis(7_000));
        assertEquals("0.045", CallHeaders.millis(45_999));
        assertEquals("12.345", CallHeaders.millis(12_345_000));
        assertEquals("1500.000", CallHeaders.millis(1_500_000_000L));
    }
}
