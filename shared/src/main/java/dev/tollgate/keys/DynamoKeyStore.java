package dev.tollgate.keys;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.store.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Keys, teams and users in one DynamoDB table (item design: {@code shared/docs/dynamodb.md}).
 * Request-path reads ({@link #keyByHash}, {@link #team}) are one eventually consistent GetItem
 * each; the admin side's reads before a write are strongly consistent, and its writes carry an
 * optimistic lock on {@code updated_at} ({@link ItemUpdates}). A key and its alias item are written
 * in one transaction, which is what keeps aliases unique; a key naming a team is written only while
 * the team exists, checked in the same transaction. Refusals are translated by {@link AdminWrites}.
 */
public final class DynamoKeyStore implements AdminStore {
    private static final System.Logger LOG = System.getLogger("tollgate.keys");
    /** Keys deleted per transaction: two items each (key, alias), well within DynamoDB's 100. */
    private static final int DELETE_BATCH = 25;
    /** Rounds of "find the owner's keys, delete them" after a team or user is deleted. */
    private static final int OWNER_ROUNDS = 5;
    /** Regenerate attempts when only spend moved (the request path) between the read and the swap. */
    private static final int REPLACE_ATTEMPTS = 5;
    private static final String EXISTS = "attribute_exists(pk)";
    static final String ABSENT = "attribute_not_exists(pk)";

    private final DynamoDbClient db;
    private final String table;
    private final IndexReads reads;
    private final AdminWrites admin;

    public DynamoKeyStore(DynamoDbClient db, String table) {
        this.db = Objects.requireNonNull(db);
        this.table = Objects.requireNonNull(table);
        this.reads = new IndexReads(db, table);
        this.admin = new AdminWrites(db, table);
    }

    /** The store on the default table name ({@value Tables#MAIN}). */
    public DynamoKeyStore(DynamoDbClient db) {
        this(db, Tables.MAIN);
    }

    @Override
    public Optional<VirtualKey> keyByHash(String tokenHash) {
        return get(Items.keyPk(tokenHash), false).map(Items::toKey);
    }

    @Override
    public Optional<VirtualKey> currentKey(String tokenHash) {
        return get(Items.keyPk(tokenHash), true).map(Items::toKey);
    }

    @Override
    public Optional<Team> team(String teamId) {
        return get(Items.teamPk(teamId), false).map(Items::toTeam);
    }

    @Override
    public Optional<Team> currentTeam(String teamId) {
        return get(Items.teamPk(teamId), true).map(Items::toTeam);
    }

    @Override
    public Optional<User> user(String userId) {
        return get(Items.userPk(userId), true).map(Items::toUser);
    }

    @Override
    public Optional<String> hashByAlias(String keyAlias) {
        return get(Items.aliasPk(keyAlias), true).map(item -> Items.str(item, "token"));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).key(key).consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public void createKey(VirtualKey key) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Items.keyItem(key), ABSENT));
        if (key.keyAlias() != null) {
            writes.add(put(Items.aliasItem(key.keyAlias(), key.tokenHash()), ABSENT));
        }
        writes.addAll(teamExists(key));
        admin.transact(writes, key);
    }

    @Override
    public void updateKey(VirtualKey before, VirtualKey after) {
        if (!before.tokenHash().equals(after.tokenHash())) {
            throw new IllegalArgumentException("updateKey keeps the hash; use replaceKey");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(ItemUpdates.update(table, Items.keyItem(before), Items.keyItem(after))).build());
        writes.addAll(aliasMoves(before, after));
        writes.addAll(teamExists(after));
        admin.transact(writes, after);
    }

    @Override
    public void replaceKey(VirtualKey before, VirtualKey after) {
        VirtualKey read = before;
        VirtualKey wanted = after;
        for (int attempt = 1; ; attempt++) {
            try {
                admin.transact(replaceWrites(read, wanted), wanted);
                return;
            } catch (GatewayException e) {
                if (e.kind() != ErrorKind.CONFLICT || attempt >= REPLACE_ATTEMPTS) {
                    throw e;
                }
                VirtualKey now = currentKey(read.tokenHash()).orElseThrow(AdminWrites::gone);
                if (!Objects.equals(now.updatedAt(), read.updatedAt())) {
                    throw e;
                }
                wanted = withSpendOf(wanted, read, now);
                read = now;
            }
        }
    }

    /**
     * The new key with the spend the old one has {@code now}; also its budget window as it is now,
     * unless the regenerate itself changed the window.
     */
    private static VirtualKey withSpendOf(VirtualKey wanted, VirtualKey read, VirtualKey now) {
        Budget b = wanted.budget();
        Instant resetAt = Objects.equals(b.resetAt(), read.budget().resetAt()) ? now.budget().resetAt() : b.resetAt();
        return new VirtualKey(wanted.tokenHash(), wanted.keyName(), wanted.keyAlias(), wanted.teamId(),
                wanted.userId(), wanted.models(), wanted.limits(),
                new Budget(b.maxBudget(), b.budgetDuration(), resetAt, now.budget().spend()), wanted.expires(),
                wanted.blocked(), wanted.metadata(), wanted.createdAt(), wanted.updatedAt());
    }

    /**
     * Delete the old key (only while its settings, spend and budget window are still as read: the
     * request path may have added spend meanwhile), Put the new one, repoint the alias.
     */
    private List<TransactWriteItem> replaceWrites(VirtualKey before, VirtualKey after) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, AttributeValue> old = Items.keyItem(before);
        String condition = EXISTS + " AND " + ItemUpdates.lock(old, names, values)
                + " AND " + unchanged(old, "spend", names, values)
                + " AND " + unchanged(old, "budget_reset_at", names, values);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Items.keyPk(before.tokenHash())).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        writes.add(put(Items.keyItem(after), ABSENT));
        if (before.keyAlias() != null && before.keyAlias().equals(after.keyAlias())) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(Items.aliasItem(after.keyAlias(), after.tokenHash()))
                    .conditionExpression("#t = :old")
                    .expressionAttributeNames(Map.of("#t", "token"))
                    .expressionAttributeValues(Map.of(":old", Items.s(before.tokenHash()))).build()).build());
        } else {
            writes.addAll(aliasMoves(before, after));
        }
        writes.addAll(teamExists(after));
        return writes;
    }

    private static String unchanged(Map<String, AttributeValue> item, String attribute, Map<String, String> names,
                                    Map<String, AttributeValue> values) {
        String name = "#" + attribute.replace("_", "");
        names.put(name, attribute);
        AttributeValue read = item.get(attribute);
        if (read == null) {
            return "attribute_not_exists(" + name + ")";
        }
        values.put(":" + name.substring(1), read);
        return name + " = :" + name.substring(1);
    }

    /** Deletes the old alias item and claims the new one, when the alias changed. */
    private List<TransactWriteItem> aliasMoves(VirtualKey before, VirtualKey after) {
        if (Objects.equals(before.keyAlias(), after.keyAlias())) {
            return List.of();
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        if (before.keyAlias() != null) {
            writes.add(deleteAlias(before));
        }
        if (after.keyAlias() != null) {
            writes.add(put(Items.aliasItem(after.keyAlias(), after.tokenHash()), ABSENT));
        }
        return writes;
    }

    /** A check, in the key's transaction, that the key's team exists: none can join a team being deleted. */
    private List<TransactWriteItem> teamExists(VirtualKey key) {
        if (key.teamId() == null) {
            return List.of();
        }
        return List.of(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(Items.teamPk(key.teamId())).conditionExpression(EXISTS).build()).build());
    }

    @Override
    public void deleteKeys(List<VirtualKey> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (VirtualKey k : keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))) {
                writes.addAll(keyDeletes(k));
            }
            admin.transact(writes, null);
        }
    }

    private List<TransactWriteItem> keyDeletes(VirtualKey k) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(Items.keyPk(k.tokenHash()), EXISTS));
        if (k.keyAlias() != null) {
            writes.add(deleteAlias(k));
        }
        return writes;
    }

    /** Deletes a key's alias item, only while it still names that key. */
    private TransactWriteItem deleteAlias(VirtualKey k) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Items.aliasPk(k.keyAlias()))
                .conditionExpression("#t = :hash")
                .expressionAttributeNames(Map.of("#t", "token"))
                .expressionAttributeValues(Map.of(":hash", Items.s(k.tokenHash()))).build()).build();
    }

    /**
     * One page of keys: the index partition is walked for primary keys only (and counted, for the
     * total), then the page's items are read by primary key. A {@code key_alias} filter is two
     * GetItems instead.
     */
    @Override
    public Page<VirtualKey> listKeys(KeyFilter filter, int page, int size) {
        if (filter.keyAlias() != null) {
            List<VirtualKey> matching = hashByAlias(filter.keyAlias()).flatMap(this::keyByHash)
                    .filter(filter::matches).stream().toList();
            return new Page<>(page == 1 ? matching : List.of(), matching.size());
        }
        IndexReads.Partition partition;
        if (filter.teamId() != null) {
            partition = new IndexReads.Partition(Tables.GSI2, Items.TEAM + "#" + filter.teamId(),
                    filter.userId() == null ? null : "user_id", filter.userId());
        } else if (filter.userId() != null) {
            partition = IndexReads.Partition.of(Tables.GSI3, Items.USER + "#" + filter.userId());
        } else {
            partition = IndexReads.Partition.of(Tables.GSI1, Items.KEY);
        }
        IndexReads.Window window = reads.window(partition, (long) (page - 1) * size, size);
        List<VirtualKey> keys = reads.items(window.keys(), false).stream().map(Items::toKey).toList();
        return new Page<>(keys, window.total());
    }

    @Override
    public void createTeam(Team team) {
        createItem(Items.teamItem(team));
    }

    @Override
    public void updateTeam(Team before, Team after) {
        updateItem(Items.teamItem(before), Items.teamItem(after));
    }

    @Override
    public List<VirtualKey> deleteTeam(Team team) {
        return deleteWithKeys(Items.teamPk(team.teamId()), IndexReads.Partition.of(Tables.GSI2,
                Items.TEAM + "#" + team.teamId()));
    }

    @Override
    public List<Team> teams() {
        return reads.items(reads.all(IndexReads.Partition.of(Tables.GSI1, Items.TEAM)), false).stream()
                .map(Items::toTeam).toList();
    }

    @Override
    public List<User> users() {
        return reads.items(reads.all(IndexReads.Partition.of(Tables.GSI1, Items.USER)), false).stream()
                .map(Items::toUser).toList();
    }

    @Override
    public void createUser(User user) {
        createItem(Items.userItem(user));
    }

    @Override
    public void updateUser(User before, User after) {
        updateItem(Items.userItem(before), Items.userItem(after));
    }

    @Override
    public List<VirtualKey> deleteUser(User user) {
        return deleteWithKeys(Items.userPk(user.userId()), IndexReads.Partition.of(Tables.GSI3,
                Items.USER + "#" + user.userId()));
    }

    /** One PutItem of an item that must not exist yet (a 400 when it does). */
    private void createItem(Map<String, AttributeValue> item) {
        try {
            db.putItem(r -> r.tableName(table).item(item).conditionExpression(ABSENT));
        } catch (ConditionalCheckFailedException e) {
            throw GatewayException.invalid(null, Items.str(item, "pk") + " exists already.");
        }
    }

    /** One locked UpdateItem ({@link ItemUpdates}): a 404 when the item is gone, a 409 when it changed. */
    private void updateItem(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Update u = ItemUpdates.update(table, before, after);
        try {
            db.updateItem(r -> r.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression()).expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw admin.conflictOrGone(u.key());
        }
    }

    /**
     * Deletes the owner (a 404 when it is gone), then its keys: the owner goes first, so a key
     * created meanwhile fails its team check instead of surviving. The index is eventually
     * consistent, so the keys are looked for again until a round finds none (at most
     * {@value #OWNER_ROUNDS} rounds), each read back consistently before it is deleted.
     */
    private List<VirtualKey> deleteWithKeys(Map<String, AttributeValue> owner, IndexReads.Partition keysOf) {
        try {
            db.deleteItem(r -> r.tableName(table).key(owner).conditionExpression(EXISTS));
        } catch (ConditionalCheckFailedException e) {
            throw AdminWrites.gone();
        }
        List<VirtualKey> deleted = new ArrayList<>();
        for (int round = 1; round <= OWNER_ROUNDS; round++) {
            List<VirtualKey> keys = reads.items(reads.all(keysOf), true).stream().map(Items::toKey).toList();
            if (keys.isEmpty()) {
                return deleted;
            }
            deleted.addAll(keys);
            try {
                deleteKeys(keys);
            } catch (GatewayException raced) {
                if (raced.kind() != ErrorKind.NOT_FOUND && raced.kind() != ErrorKind.CONFLICT) {
                    throw raced;
                }
                // a key changed or went meanwhile: the next round reads what is left
            }
        }
        LOG.log(System.Logger.Level.WARNING, "{0} deleted, but its keys kept changing for {1} rounds; "
                + "some may be left (list them with /key/list)", owner.get("pk").s(), OWNER_ROUNDS);
        return deleted;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key, String condition) {
        return TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(key).conditionExpression(condition).build()).build();
    }
}
