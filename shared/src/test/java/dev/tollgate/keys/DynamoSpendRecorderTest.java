package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.TestDynamo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamoSpendRecorderTest {
    private final String table = TestDynamo.freshTable();
    private final DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), table);
    private final DynamoSpendRecorder recorder = new DynamoSpendRecorder(TestDynamo.client(), table);

    private VirtualKey key(String teamId) {
        return key(teamId, null);
    }

    private VirtualKey key(String teamId, Budget budget) {
        String raw = KeyHashes.newKey();
        VirtualKey k = new VirtualKey(KeyHashes.hash(raw), KeyHashes.mask(raw), null, teamId, null, List.of(), null,
                budget, null, false, null, Instant.now(), Instant.now());
        store.createKey(k);
        return k;
    }

    private static Budget daily(String resetAt, String spend) {
        return new Budget(new BigDecimal("10"), "1d", Instant.parse(resetAt), new BigDecimal(spend));
    }

    private DynamoSpendRecorder recorderAt(String now) {
        return new DynamoSpendRecorder(TestDynamo.client(), table, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private Budget stored(VirtualKey k) {
        return store.keyByHash(k.tokenHash()).orElseThrow().budget();
    }

    @Test
    void spendWithinTheWindowAddsToIt() {
        VirtualKey k = key(null, daily("2026-03-02T09:00:00.250Z", "4"));
        recorderAt("2026-03-02T09:00:00.249Z").record(new Caller(k, null), BigDecimal.ONE);
        assertEquals(daily("2026-03-02T09:00:00.250Z", "5"), stored(k));
    }

    @Test
    void firstSpendAfterTheWindowEndedStartsTheNextWindowOnTheSameGrid() {
        store.createTeam(new Team("t1", null, List.of(), null, daily("2026-03-01T09:00:00.250Z", "7"), false, null,
                Instant.now(), Instant.now()));
        VirtualKey k = key("t1", daily("2026-03-01T09:00:00.250Z", "9"));
        recorderAt("2026-03-03T17:30:00Z").record(new Caller(k, store.team("t1").orElseThrow()), BigDecimal.ONE);
        assertEquals(daily("2026-03-04T09:00:00.250Z", "1"), stored(k), "the window of 03-03 09:00 to 03-04 09:00");
        assertEquals(daily("2026-03-04T09:00:00.250Z", "1"), store.team("t1").orElseThrow().budget());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-02T09:00:00Z, 2026-03-02T09:00:00.300Z",
        "2026-03-02T09:00:00Z, 2026-03-02T09:00:00Z",
        "2026-03-02T09:00:00.500Z, 2026-03-02T09:00:00.500000001Z",
        "2026-03-02T09:00:00.000001Z, 2026-03-02T09:00:00.000001Z"})
    void windowEndsAtItsResetTimeWhateverTheFractionDigits(String resetAt, String now) {
        VirtualKey k = key(null, daily(resetAt, "9"));
        recorderAt(now).record(new Caller(k, null), BigDecimal.ONE);
        assertEquals(daily(Instant.parse(resetAt).plus(Duration.ofDays(1)).toString(), "1"), stored(k));
    }

    @Test
    void instancesRacingToStartTheNextWindowLoseNoSpend() throws Exception {
        VirtualKey k = key(null, daily("2026-03-01T09:00:00Z", "9"));
        DynamoSpendRecorder late = recorderAt("2026-03-02T10:00:00Z");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> late.record(new Caller(k, null), BigDecimal.ONE)));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(daily("2026-03-03T09:00:00Z", "8"), stored(k));
    }

    @Test
    void concurrentCallsAddUpOnKeyAndTeamWithoutLosingAny() throws Exception {
        store.createTeam(new Team("t1", "research", List.of(), null, null, false, null, Instant.now(), Instant.now()));
        VirtualKey k = key("t1");
        Team team = store.team("t1").orElseThrow();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            threads.add(Thread.ofVirtual().start(() -> recorder.record(new Caller(k, team), new BigDecimal("0.000026"))));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, new BigDecimal("0.00052").compareTo(store.keyByHash(k.tokenHash()).orElseThrow().budget().spend()));
        assertEquals(0, new BigDecimal("0.00052").compareTo(store.team("t1").orElseThrow().budget().spend()));
    }

    @Test
    void deletedKeyIsNotRecreatedBySpend() {
        VirtualKey k = key(null);
        store.deleteKeys(List.of(k));
        recorder.record(new Caller(k, null), BigDecimal.ONE);
        assertTrue(store.keyByHash(k.tokenHash()).isEmpty());
    }
}
