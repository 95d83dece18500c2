package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.testing.TestDynamo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Admin writes racing each other, the request path's spend, and deletions of their owners. */
class DynamoKeyStoreRacesTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private String table;
    private DynamoKeyStore store;

    @BeforeEach
    void freshTable() {
        table = TestDynamo.freshTable();
        store = new DynamoKeyStore(TestDynamo.client(), table);
    }

    @Test
    void anUpdateFromAReadThatAnotherUpdateOvertookIsAConflictAndChangesNothing() {
        VirtualKey read = key("sk-1", null, 10, NOW);
        store.createKey(read);
        VirtualKey blocked = withBlocked(read, true, NOW.plusSeconds(1));
        store.updateKey(read, blocked);

        GatewayException e = assertThrows(GatewayException.class,
                () -> store.updateKey(read, withRpm(read, 99, NOW.plusSeconds(2))));
        assertEquals(ErrorKind.CONFLICT, e.kind());
        assertEquals(409, e.kind().status());
        assertEquals("conflict", e.code());
        assertEquals(Optional.of(blocked), store.currentKey(read.tokenHash()));
    }

    @Test
    void anUpdateOfAKeyDeletedMeanwhileIsANotFound() {
        VirtualKey read = key("sk-1", null, 10, NOW);
        store.createKey(read);
        store.deleteKeys(List.of(read));
        GatewayException e = assertThrows(GatewayException.class,
                () -> store.updateKey(read, withRpm(read, 99, NOW.plusSeconds(1))));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void teamAndUserUpdatesFromStaleReadsAreConflicts() {
        Team team = new Team("eng", null, List.of(), Limits.NONE, Budget.UNLIMITED, false, null, NOW, NOW);
        store.createTeam(team);
        store.updateTeam(team, new Team("eng", "first", List.of(), Limits.NONE, Budget.UNLIMITED, false, null, NOW,
                NOW.plusSeconds(1)));
        assertEquals(ErrorKind.CONFLICT, assertThrows(GatewayException.class, () -> store.updateTeam(team,
                new Team("eng", null, List.of(), Limits.NONE, Budget.UNLIMITED, true, null, NOW, NOW.plusSeconds(2))))
                .kind());
        assertEquals("first", store.currentTeam("eng").orElseThrow().teamAlias());

        User user = new User("ann", null, null, List.of(), List.of(), Limits.NONE, Budget.UNLIMITED, null, NOW, NOW);
        store.createUser(user);
        store.updateUser(user, new User("ann", "a@x", null, List.of(), List.of(), Limits.NONE, Budget.UNLIMITED, null,
                NOW, NOW.plusSeconds(1)));
        assertEquals(ErrorKind.CONFLICT, assertThrows(GatewayException.class, () -> store.updateUser(user,
                new User("ann", null, "admin", List.of(), List.of(), Limits.NONE, Budget.UNLIMITED, null, NOW,
                        NOW.plusSeconds(2)))).kind());
    }

    @Test
    void anUpdateLeavesSpendAddedAfterItsReadAlone() {
        VirtualKey read = key("sk-1", null, 10, NOW);
        store.createKey(read);
        addSpend(read, "0.25");
        store.updateKey(read, withRpm(read, 20, NOW.plusSeconds(1)));
        VirtualKey now = store.currentKey(read.tokenHash()).orElseThrow();
        assertEquals(20, now.limits().rpmLimit());
        assertEquals(0, new BigDecimal("0.25").compareTo(now.budget().spend()));
    }

    @Test
    void regenerateCarriesSpendAddedAfterItsRead() {
        VirtualKey read = key("sk-1", "ci", 10, NOW);
        store.createKey(read);
        addSpend(read, "1.5");
        addSpend(read, "0.5");
        VirtualKey fresh = new VirtualKey(KeyHashes.hash("sk-2"), "n", "ci", null, null, List.of(), read.limits(),
                read.budget(), null, false, null, NOW, NOW.plusSeconds(1));
        store.replaceKey(read, fresh);

        assertEquals(Optional.empty(), store.currentKey(read.tokenHash()));
        assertEquals(0, new BigDecimal("2.0").compareTo(store.currentKey(fresh.tokenHash()).orElseThrow()
                .budget().spend()));
        assertEquals(Optional.of(fresh.tokenHash()), store.hashByAlias("ci"));
    }

    @Test
    void regenerateAfterTheSettingsChangedIsAConflict() {
        VirtualKey read = key("sk-1", null, 10, NOW);
        store.createKey(read);
        store.updateKey(read, withRpm(read, 20, NOW.plusSeconds(1)));
        VirtualKey fresh = new VirtualKey(KeyHashes.hash("sk-2"), "n", null, null, null, List.of(), read.limits(),
                read.budget(), null, false, null, NOW, NOW.plusSeconds(2));
        assertEquals(ErrorKind.CONFLICT, assertThrows(GatewayException.class, () -> store.replaceKey(read, fresh))
                .kind());
        assertTrue(store.currentKey(read.tokenHash()).isPresent());
        assertEquals(Optional.empty(), store.currentKey(fresh.tokenHash()));
    }

    @Test
    void aKeyCannotNameATeamThatDoesNotExist() {
        GatewayException created = assertThrows(GatewayException.class, () -> store.createKey(key("sk-1", null, 1, NOW,
                "ghost")));
        assertEquals("team_id", created.param());
        VirtualKey loose = key("sk-2", null, 1, NOW);
        store.createKey(loose);
        GatewayException moved = assertThrows(GatewayException.class,
                () -> store.updateKey(loose, key("sk-2", null, 1, NOW.plusSeconds(1), "ghost")));
        assertEquals("team_id", moved.param());
        assertEquals(List.of(loose.tokenHash()), TestDynamo.scan(table).stream().map(i -> i.get("token").s()).toList());
    }

    @Test
    void aKeyMadeForATeamAfterItsDeleteStartedIsRefusedNotOrphaned() {
        Team team = new Team("eng", null, List.of(), Limits.NONE, Budget.UNLIMITED, false, null, NOW, NOW);
        store.createTeam(team);
        VirtualKey early = key("sk-1", "a", 1, NOW, "eng");
        store.createKey(early);
        // the admin read the team (and checked its limits) before the delete; its write comes after
        assertEquals(List.of(early), store.deleteTeam(team));
        GatewayException e = assertThrows(GatewayException.class, () -> store.createKey(key("sk-2", null, 1, NOW,
                "eng")));
        assertEquals("team_id", e.param());
        assertEquals(List.of(), TestDynamo.scan(table));
    }

    @Test
    void deletingAUserDeletesItThenEveryKeyOfIt() {
        User user = new User("ann", null, null, List.of(), List.of(), Limits.NONE, Budget.UNLIMITED, null, NOW, NOW);
        store.createUser(user);
        for (int i = 0; i < 30; i++) {
            store.createKey(new VirtualKey(KeyHashes.hash("sk-" + i), "n", "a" + i, null, "ann", List.of(), Limits.NONE,
                    Budget.UNLIMITED, null, false, null, NOW.plusSeconds(i), NOW));
        }
        assertEquals(30, store.deleteUser(user).size());
        assertEquals(List.of(), TestDynamo.scan(table));
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(GatewayException.class, () -> store.deleteUser(user)).kind());
    }

    private void addSpend(VirtualKey k, String amount) {
        TestDynamo.client().updateItem(r -> r.tableName(table).key(Items.keyPk(k.tokenHash()))
                .updateExpression("ADD spend :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromN(amount))));
    }

    private static VirtualKey key(String plain, String alias, int rpm, Instant updated) {
        return key(plain, alias, rpm, updated, null);
    }

    private static VirtualKey key(String plain, String alias, int rpm, Instant updated, String team) {
        return new VirtualKey(KeyHashes.hash(plain), KeyHashes.mask(plain), alias, team, null, List.of(),
                new Limits(rpm, null, null), Budget.UNLIMITED, null, false, null, NOW, updated);
    }

    private static VirtualKey withRpm(VirtualKey k, int rpm, Instant updated) {
        return new VirtualKey(k.tokenHash(), k.keyName(), k.keyAlias(), k.teamId(), k.userId(), k.models(),
                new Limits(rpm, null, null), k.budget(), k.expires(), k.blocked(), k.metadata(), k.createdAt(), updated);
    }

    private static VirtualKey withBlocked(VirtualKey k, boolean blocked, Instant updated) {
        return new VirtualKey(k.tokenHash(), k.keyName(), k.keyAlias(), k.teamId(), k.userId(), k.models(), k.limits(),
                k.budget(), k.expires(), blocked, k.metadata(), k.createdAt(), updated);
    }
}
