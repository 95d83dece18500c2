package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.TestDynamo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoSpendRecorderTest {
    private final String table = TestDynamo.freshTable();
    private final DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), table);
    private final DynamoSpendRecorder recorder = new DynamoSpendRecorder(TestDynamo.client(), table);

    private VirtualKey key(String teamId) {
        String raw = KeyHashes.newKey();
        VirtualKey k = new VirtualKey(KeyHashes.hash(raw), KeyHashes.mask(raw), null, teamId, null, List.of(), null,
                null, null, false, null, Instant.now(), Instant.now());
        store.createKey(k);
        return k;
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
