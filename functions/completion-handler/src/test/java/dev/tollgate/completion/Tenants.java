package dev.tollgate.completion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.KeyLookup;
import dev.tollgate.keys.Limits;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.VirtualKey;
import dev.tollgate.spend.SpendRecorder;
import dev.tollgate.testing.TestDynamo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keys and teams for enforcement tests, written through the key-admin store into a fresh table of
 * DynamoDB Local, which the gateway under test reads and records spend into.
 */
final class Tenants {
    private final String table = TestDynamo.freshTable();
    private final DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), table);

    KeyLookup store() {
        return store;
    }

    /** A key spec; {@link #create} stores it and returns the raw key a caller sends. */
    final class KeySpec {
        private final String raw = KeyHashes.newKey();
        private List<String> models = List.of();
        private String teamId;
        private Limits limits = Limits.NONE;
        private BigDecimal maxBudget;
        private String budgetDuration;
        private Instant budgetResetAt;
        private BigDecimal spend = BigDecimal.ZERO;
        private Instant expires;
        private boolean blocked;
        private ObjectNode metadata;

        KeySpec models(String... names) {
            models = List.of(names);
            return this;
        }

        KeySpec team(String id) {
            teamId = id;
            return this;
        }

        KeySpec limits(Integer rpm, Long tpm, Integer parallel) {
            limits = new Limits(rpm, tpm, parallel);
            return this;
        }

        KeySpec maxBudget(String usd) {
            maxBudget = new BigDecimal(usd);
            return this;
        }

        /** A budget window of {@code duration} ending at {@code resetAt}, with {@code spentUsd} spent in it. */
        KeySpec window(String duration, Instant resetAt, String spentUsd) {
            budgetDuration = duration;
            budgetResetAt = resetAt;
            spend = new BigDecimal(spentUsd);
            return this;
        }

        KeySpec expires(Instant at) {
            expires = at;
            return this;
        }

        KeySpec blocked() {
            blocked = true;
            return this;
        }

        KeySpec metadata(ObjectNode m) {
            metadata = m;
            return this;
        }

        String create() {
            store.createKey(new VirtualKey(KeyHashes.hash(raw), KeyHashes.mask(raw), null, teamId,
                    null, models, limits, new Budget(maxBudget, budgetDuration, budgetResetAt, spend), expires, blocked,
                    metadata, Instant.now(), Instant.now()));
            return raw;
        }
    }

    KeySpec key() {
        return new KeySpec();
    }

    /** Stores a team; returns its id. */
    String team(String alias, List<String> models, Limits limits, String maxBudget, boolean blocked, ObjectNode meta) {
        String id = "team-" + UUID.randomUUID();
        store.createTeam(new Team(id, alias, models, limits, new Budget(maxBudget == null ? null : new BigDecimal(maxBudget),
                null, null, BigDecimal.ZERO), blocked, meta, Instant.now(), Instant.now()));
        return id;
    }

    /** Blocks a key in the store, as an admin on any instance would. */
    void block(String raw) {
        VirtualKey k = store.keyByHash(KeyHashes.hash(raw)).orElseThrow();
        store.updateKey(k, new VirtualKey(k.tokenHash(), k.keyName(), k.keyAlias(), k.teamId(), k.userId(), k.models(),
                k.limits(), k.budget(), k.expires(), true, k.metadata(), k.createdAt(), Instant.now()));
    }

    /** Records spend on the key and team items, as the runtimes do. */
    SpendRecorder recorder() {
        return new DynamoSpendRecorder(TestDynamo.client(), table);
    }

    /** The spend the store holds for a key. */
    BigDecimal spend(String raw) {
        return budget(raw).spend();
    }

    /** The budget the store holds for a key. */
    Budget budget(String raw) {
        return store.keyByHash(KeyHashes.hash(raw)).orElseThrow().budget();
    }
}
