package dev.tollgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void smallValuesAreExact() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(50, h.percentile(50));
        assertEquals(99, h.percentile(99));
        assertEquals(100, h.percentile(100));
        assertEquals(1, h.percentile(0));
        assertEquals(50.5, h.mean(), 1e-9);
    }

    @Test
    void largeValuesAreWithinOneThousandthAndNeverBelowTheTruth() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 1_000_000; v++) {
            h.record(v * 1_000); // 1 µs .. 1 s in ns
        }
        for (double p : new double[] {10, 50, 90, 99, 99.9}) {
            long truth = (long) Math.ceil(p / 100 * 1_000_000) * 1_000;
            long reported = h.percentile(p);
            assertTrue(reported >= truth, p + ": " + reported + " < " + truth);
            assertTrue(reported <= truth * 1.001, p + ": " + reported + " too far above " + truth);
        }
        assertEquals(1_000_000_000L, h.percentile(100));
        assertEquals(1_000_000_000L, h.max());
    }

    @Test
    void bucketsAreContiguousAndEachValueFallsInsideItsBucket() {
        long previousTop = -1;
        for (int i = 0; i < 40 * 1024; i++) {
            long top = Histogram.highestEquivalent(i);
            assertEquals(i, Histogram.indexOf(previousTop + 1), "first value of bucket " + i);
            assertEquals(i, Histogram.indexOf(top), "last value of bucket " + i);
            previousTop = top;
        }
    }

    @Test
    void mergedHistogramsAnswerLikeOne() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        Histogram both = new Histogram();
        for (long v = 0; v < 10_000; v++) {
            long value = v * 37 % 5_000_000;
            (v % 2 == 0 ? a : b).record(value);
            both.record(value);
        }
        a.add(b);
        assertEquals(both.count(), a.count());
        assertEquals(both.min(), a.min());
        assertEquals(both.max(), a.max());
        for (double p : new double[] {1, 50, 90, 99, 100}) {
            assertEquals(both.percentile(p), a.percentile(p));
        }
    }

    @Test
    void emptyHistogramReportsZero() {
        Histogram h = new Histogram();
        assertEquals(0, h.percentile(99));
        assertEquals(0, h.min());
        assertEquals(0, h.count());
    }
}
