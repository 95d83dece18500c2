package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdTest {
    @Test
    void requestIdsAre32LowercaseHexDigitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = HttpServerHost.newRequestId();
            assertEquals(32, id.length(), id);
            assertTrue(id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
