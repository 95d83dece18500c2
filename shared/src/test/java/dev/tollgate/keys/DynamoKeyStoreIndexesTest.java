package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tollgate.store.Tables;
import dev.tollgate.testing.TestDynamo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The indexes carry keys, not items: listings read the items by primary key, on new and old tables alike. */
class DynamoKeyStoreIndexesTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void noIndexCarriesAnAttributeTheRequestPathWrites() {
        String table = TestDynamo.freshTable();
        List<GlobalSecondaryIndexDescription> indexes = TestDynamo.client().describeTable(r -> r.tableName(table))
                .table().globalSecondaryIndexes();
        assertEquals(3, indexes.size());
        for (GlobalSecondaryIndexDescription index : indexes) {
            Projection p = index.projection();
            assertFalse(p.projectionType() == ProjectionType.ALL, index.indexName() + " projects every attribute");
            assertFalse(p.nonKeyAttributes().contains("spend"), index.indexName() + " carries spend");
            assertFalse(p.nonKeyAttributes().contains("budget_reset_at"), index.indexName() + " carries budget_reset_at");
        }
    }

    @Test
    void listsPagesAndTeamsBeyondOneBatchGet() {
        DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), TestDynamo.freshTable());
        IntStream.range(0, 150).forEach(i -> store.createKey(key(i, null, null)));
        IntStream.range(0, 120).forEach(i -> store.createTeam(team("t" + i, i)));

        KeyStore.Page<VirtualKey> second = store.listKeys(KeyStore.KeyFilter.ALL, 2, 100);
        assertEquals(150, second.totalCount());
        assertEquals(IntStream.range(100, 150).mapToObj(i -> KeyHashes.hash("sk-" + i)).toList(),
                second.items().stream().map(VirtualKey::tokenHash).toList());
        assertEquals(IntStream.range(0, 120).mapToObj(i -> "t" + i).toList(),
                store.teams().stream().map(Team::teamId).toList());
    }

    @Test
    void aTableWhoseIndexesProjectEveryAttributeStillWorks() {
        String table = "tollgate_all_" + UUID.randomUUID();
        CreateTableRequest current = Tables.main(table);
        List<GlobalSecondaryIndex> all = current.globalSecondaryIndexes().stream().map(i -> i.toBuilder()
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).toList();
        Tables.ensure(TestDynamo.client(), List.of(current.toBuilder().globalSecondaryIndexes(all).build()));
        DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), table);
        store.createTeam(team("eng", 0));
        store.createUser(new User("ann", null, null, List.of("eng"), List.of(), null, null, null, NOW, NOW));
        store.createKey(key(1, "eng", "ann"));
        store.createKey(key(2, "eng", null));
        store.createKey(key(3, null, "ann"));

        assertEquals(3, store.listKeys(KeyStore.KeyFilter.ALL, 1, 10).totalCount());
        assertEquals(List.of(KeyHashes.hash("sk-1")), store.listKeys(new KeyStore.KeyFilter("eng", "ann", null), 1, 10)
                .items().stream().map(VirtualKey::tokenHash).toList());
        assertEquals(2, store.deleteTeam(store.currentTeam("eng").orElseThrow()).size());
        assertEquals(1, store.deleteUser(store.user("ann").orElseThrow()).size());
        assertEquals(List.of(), TestDynamo.scan(table));
    }

    @Test
    void filtersByTeamAndUserTogetherWithTheRightTotal() {
        DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), TestDynamo.freshTable());
        store.createTeam(team("eng", 0));
        for (int i = 0; i < 6; i++) {
            store.createKey(key(i, "eng", i % 3 == 0 ? "ann" : "bob"));
        }
        KeyStore.Page<VirtualKey> page = store.listKeys(new KeyStore.KeyFilter("eng", "bob", null), 2, 3);
        assertEquals(4, page.totalCount());
        assertEquals(List.of(KeyHashes.hash("sk-5")), page.items().stream().map(VirtualKey::tokenHash).toList());
    }

    private static VirtualKey key(int i, String team, String user) {
        return new VirtualKey(KeyHashes.hash("sk-" + i), "n", null, team, user, List.of(), null, null, null, false,
                null, NOW.plusSeconds(i), NOW);
    }

    private static Team team(String id, int i) {
        return new Team(id, null, List.of(), null, null, false, null, NOW.plusSeconds(i), NOW);
    }
}
