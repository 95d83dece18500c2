package dev.tollgate.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmfMetricTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final EmfMetric metric = new EmfMetric("RedisUnavailable",
            new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get, 10_000);

    @Test
    void burstWithinAnIntervalIsOneLineWithTheSum() throws Exception {
        metric.increment();
        for (int i = 0; i < 4; i++) {
            now.addAndGet(1000);
            metric.increment();
        }
        now.addAndGet(10_000);
        metric.increment();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals(1, value(lines[0]));
        assertEquals(5, value(lines[1]));
        assertEquals(6, metric.total());
    }

    @Test
    void lineIsEmbeddedMetricFormat() throws Exception {
        JsonNode line = new ObjectMapper().readTree(metric.line(1234, 7));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(1234, line.path("_aws").path("Timestamp").asLong());
        assertEquals("Tollgate", directive.path("Namespace").asText());
        assertEquals("RedisUnavailable", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals(7, line.path("RedisUnavailable").asLong());
    }

    @Test
    void rejectsNamesThatWouldBreakTheJson() {
        assertThrows(IllegalArgumentException.class, () -> new EmfMetric("bad\"name"));
    }

    private static long value(String line) throws Exception {
        return new ObjectMapper().readTree(line).path("RedisUnavailable").asLong();
    }
}
