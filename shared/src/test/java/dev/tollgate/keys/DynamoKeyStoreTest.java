package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestDynamo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoKeyStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private String table;
    private DynamoKeyStore store;

    @BeforeEach
    void freshTable() {
        table = TestDynamo.freshTable();
        store = new DynamoKeyStore(TestDynamo.client(), table);
    }

    @Test
    void storesAKeyAndReadsEveryFieldBackByItsHash() {
        team("team-a");
        ObjectNode metadata = Json.MAPPER.createObjectNode().put("tenant_id", "t-1");
        VirtualKey key = new VirtualKey(KeyHashes.hash("sk-one"), "sk-...-one", "ci", "team-a", "user-a",
                List.of("gpt-4o", "anthropic/*"), new Limits(10, 1000L, 2),
                new Budget(new BigDecimal("12.345678"), "30d", NOW.plus(30, ChronoUnit.DAYS), null),
                NOW.plusSeconds(3600), false, metadata, NOW, NOW);
        store.createKey(key);

        assertEquals(Optional.of(key), store.keyByHash(key.tokenHash()));
        assertEquals(Optional.of(key.tokenHash()), store.hashByAlias("ci"));
        assertEquals(Optional.empty(), store.keyByHash(KeyHashes.hash("sk-other")));
    }

    @Test
    void aSecondKeyCannotTakeAnAliasInUse() {
        store.createKey(key("sk-one", "ci", null, null));
        GatewayException e = assertThrows(GatewayException.class, () -> store.createKey(key("sk-two", "ci", null, null)));
        assertEquals("key_alias", e.param());
        assertEquals(Optional.empty(), store.keyByHash(KeyHashes.hash("sk-two")));
    }

    @Test
    void updateMovesTheAliasAndDropsClearedFieldsButKeepsSpend() {
        team("team-a");
        store.createKey(key("sk-one", "old", "team-a", null));
        addSpend(Items.keyPk(KeyHashes.hash("sk-one")), "1.5");
        VirtualKey before = store.currentKey(KeyHashes.hash("sk-one")).orElseThrow();
        VirtualKey after = new VirtualKey(before.tokenHash(), before.keyName(), "new", null, "user-b", List.of("m"),
                Limits.NONE, Budget.UNLIMITED, null, true, null, before.createdAt(), NOW.plusSeconds(5));
        store.updateKey(before, after);

        VirtualKey read = store.keyByHash(before.tokenHash()).orElseThrow();
        assertEquals("new", read.keyAlias());
        assertEquals(null, read.teamId());
        assertEquals("user-b", read.userId());
        assertTrue(read.blocked());
        assertEquals(0, new BigDecimal("1.5").compareTo(read.budget().spend()));
        assertEquals(Optional.empty(), store.hashByAlias("old"));
        assertEquals(Optional.of(before.tokenHash()), store.hashByAlias("new"));
        assertEquals(0, store.listKeys(KeyStore.KeyFilter.team("team-a"), 1, 10).totalCount());
        assertEquals(1, store.listKeys(KeyStore.KeyFilter.user("user-b"), 1, 10).totalCount());
    }

    @Test
    void replacingAKeyRetiresTheOldHashAndRepointsTheAlias() {
        VirtualKey before = key("sk-one", "ci", null, null);
        store.createKey(before);
        VirtualKey after = key("sk-two", "ci", null, null);
        store.replaceKey(before, after);

        assertEquals(Optional.empty(), store.keyByHash(before.tokenHash()));
        assertTrue(store.keyByHash(after.tokenHash()).isPresent());
        assertEquals(Optional.of(after.tokenHash()), store.hashByAlias("ci"));
    }

    @Test
    void deletingKeysLeavesNoItemBehind() {
        team("team");
        VirtualKey a = key("sk-a", "a", "team", "user");
        VirtualKey b = key("sk-b", null, null, null);
        store.createKey(a);
        store.createKey(b);
        store.deleteKeys(List.of(a, b));
        store.deleteTeam(store.currentTeam("team").orElseThrow());
        assertEquals(List.of(), TestDynamo.scan(table));
    }

    @Test
    void deletingAKeyThatIsGoneIsANotFound() {
        GatewayException e = assertThrows(GatewayException.class, () -> store.deleteKeys(List.of(key("sk-x", null, null, null))));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void listsPagesOldestFirstWithTheTotalAndFilters() {
        team("even");
        team("odd");
        for (int i = 0; i < 5; i++) {
            store.createKey(new VirtualKey(KeyHashes.hash("sk-" + i), "n", "alias-" + i, i % 2 == 0 ? "even" : "odd",
                    null, List.of(), null, null, null, false, null, NOW.plusSeconds(i), NOW));
        }
        KeyStore.Page<VirtualKey> second = store.listKeys(KeyStore.KeyFilter.ALL, 2, 2);
        assertEquals(5, second.totalCount());
        assertEquals(List.of("alias-2", "alias-3"), second.items().stream().map(VirtualKey::keyAlias).toList());
        assertEquals(List.of("alias-4"), store.listKeys(KeyStore.KeyFilter.ALL, 3, 2).items().stream()
                .map(VirtualKey::keyAlias).toList());
        assertEquals(List.of(), store.listKeys(KeyStore.KeyFilter.ALL, 9, 2).items());
        assertEquals(3, store.listKeys(KeyStore.KeyFilter.team("even"), 1, 10).totalCount());
        assertEquals(List.of("alias-3"), store.listKeys(new KeyStore.KeyFilter("odd", null, "alias-3"), 1, 10).items()
                .stream().map(VirtualKey::keyAlias).toList());
        assertEquals(0, store.listKeys(new KeyStore.KeyFilter("even", null, "alias-3"), 1, 10).totalCount());
    }

    @Test
    void listsInCreationOrderWhateverTheInstantsPrecision() {
        // ISO-8601 text drops trailing zeros: "10:00:00Z" sorts after "10:00:00.5Z" as text
        store.createKey(keyCreatedAt("sk-1", Instant.parse("2026-01-01T10:00:00Z")));
        store.createKey(keyCreatedAt("sk-2", Instant.parse("2026-01-01T10:00:00.5Z")));
        store.createKey(keyCreatedAt("sk-3", Instant.parse("2026-01-01T10:00:00.512345Z")));
        assertEquals(List.of(KeyHashes.hash("sk-1"), KeyHashes.hash("sk-2"), KeyHashes.hash("sk-3")),
                store.listKeys(KeyStore.KeyFilter.ALL, 1, 10).items().stream().map(VirtualKey::tokenHash).toList());
    }

    @Test
    void teamsAndUsersRoundTripAndDeleteWithTheirKeys() {
        Team team = new Team("team-a", "Team A", List.of("gpt-4o"), new Limits(100, 10_000L, null),
                new Budget(new BigDecimal("50"), "1mo", NOW, null), false, null, NOW, NOW);
        store.createTeam(team);
        assertEquals(Optional.of(team), store.team("team-a"));
        assertEquals(List.of(team), store.teams());
        User user = new User("user-a", "a@example.com", "internal_user", List.of("team-a"), List.of(), null, null,
                null, NOW, NOW);
        store.createUser(user);
        assertEquals(Optional.of(user), store.user("user-a"));
        VirtualKey teamKey = key("sk-t", "t", "team-a", null);
        VirtualKey userKey = key("sk-u", "u", null, "user-a");
        store.createKey(teamKey);
        store.createKey(userKey);

        assertEquals(List.of(teamKey), store.deleteTeam(team));
        assertEquals(List.of(userKey), store.deleteUser(user));
        assertEquals(List.of(), TestDynamo.scan(table));
    }

    @Test
    void creatingATeamTwiceIsRefused() {
        Team team = new Team("team-a", null, null, null, null, false, null, NOW, NOW);
        store.createTeam(team);
        assertThrows(GatewayException.class, () -> store.createTeam(team));
    }

    private void team(String id) {
        store.createTeam(new Team(id, null, List.of(), null, null, false, null, NOW, NOW));
    }

    /** What the request path's spend recorder does: an unlocked ADD. */
    private void addSpend(Map<String, AttributeValue> item, String amount) {
        TestDynamo.client().updateItem(r -> r.tableName(table).key(item).updateExpression("ADD spend :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromN(amount))));
    }

    private static VirtualKey keyCreatedAt(String plain, Instant created) {
        return new VirtualKey(KeyHashes.hash(plain), KeyHashes.mask(plain), null, null, null, List.of(), null, null,
                null, false, null, created, created);
    }

    private static VirtualKey key(String plain, String alias, String team, String user) {
        return new VirtualKey(KeyHashes.hash(plain), KeyHashes.mask(plain), alias, team, user, List.of(), null, null,
                null, false, null, NOW, NOW);
    }
}
