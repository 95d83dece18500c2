package dev.tollgate.keys;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.store.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Keys, teams and users in one DynamoDB table (item design: {@code shared/docs/dynamodb.md}).
 * Request-path reads ({@link #keyByHash}, {@link #team}) are one eventually consistent GetItem
 * each. A key and its alias item are written in one transaction, which is what keeps aliases unique.
 */
public final class DynamoKeyStore implements AdminStore {
    /** Keys deleted per transaction: two items each (key, alias), well within DynamoDB's 100. */
    private static final int DELETE_BATCH = 25;
    private static final String EXISTS = "attribute_exists(pk)";
    private static final String ABSENT = "attribute_not_exists(pk)";
    /** Attributes an update may drop; spend is never written by the admin side. */
    private static final Set<String> OPTIONAL = Set.of("key_name", "key_alias", "team_id", "user_id", "team_alias",
            "user_email", "user_role", "rpm_limit", "tpm_limit", "max_parallel_requests", "max_budget",
            "budget_duration", "budget_reset_at", "expires", "metadata", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk");
    private static final Set<String> NOT_UPDATED = Set.of("pk", "sk", "spend", "created_at");

    private final DynamoDbClient db;
    private final String table;

    public DynamoKeyStore(DynamoDbClient db, String table) {
        this.db = Objects.requireNonNull(db);
        this.table = Objects.requireNonNull(table);
    }

    /** The store on the default table name ({@value Tables#MAIN}). */
    public DynamoKeyStore(DynamoDbClient db) {
        this(db, Tables.MAIN);
    }

    @Override
    public Optional<VirtualKey> keyByHash(String tokenHash) {
        return get(Items.keyPk(tokenHash)).map(Items::toKey);
    }

    @Override
    public Optional<Team> team(String teamId) {
        return get(Items.teamPk(teamId)).map(Items::toTeam);
    }

    @Override
    public Optional<User> user(String userId) {
        return get(Items.userPk(userId)).map(Items::toUser);
    }

    @Override
    public Optional<String> hashByAlias(String keyAlias) {
        return get(Items.aliasPk(keyAlias)).map(item -> Items.str(item, "token"));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).key(key)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public void createKey(VirtualKey key) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Items.keyItem(key), ABSENT));
        if (key.keyAlias() != null) {
            writes.add(put(Items.aliasItem(key.keyAlias(), key.tokenHash()), ABSENT));
        }
        transact(writes, key.keyAlias());
    }

    @Override
    public void updateKey(VirtualKey before, VirtualKey after) {
        if (!before.tokenHash().equals(after.tokenHash())) {
            throw new IllegalArgumentException("updateKey keeps the hash; use replaceKey");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(update(Items.keyItem(after))).build());
        writes.addAll(aliasMoves(before, after));
        transact(writes, after.keyAlias());
    }

    @Override
    public void replaceKey(VirtualKey before, VirtualKey after) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(Items.keyPk(before.tokenHash()), EXISTS));
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
        transact(writes, after.keyAlias());
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

    @Override
    public void deleteKeys(List<VirtualKey> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (VirtualKey k : keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))) {
                writes.addAll(keyDeletes(k));
            }
            transact(writes, null);
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

    @Override
    public Page<VirtualKey> listKeys(KeyFilter filter, int page, int size) {
        List<VirtualKey> matching;
        if (filter.keyAlias() != null) {
            matching = hashByAlias(filter.keyAlias()).flatMap(this::keyByHash).stream().toList();
        } else if (filter.teamId() != null) {
            matching = query(Tables.GSI2, Items.TEAM + "#" + filter.teamId(), Items::toKey);
        } else if (filter.userId() != null) {
            matching = query(Tables.GSI3, Items.USER + "#" + filter.userId(), Items::toKey);
        } else {
            matching = query(Tables.GSI1, Items.KEY, Items::toKey);
        }
        matching = matching.stream().filter(filter::matches).toList();
        long from = Math.min((long) (page - 1) * size, matching.size());
        int to = (int) Math.min(from + size, matching.size());
        return new Page<>(matching.subList((int) from, to), matching.size());
    }

    @Override
    public void createTeam(Team team) {
        createItem(Items.teamItem(team));
    }

    @Override
    public void updateTeam(Team team) {
        updateItem(Items.teamItem(team));
    }

    @Override
    public void deleteTeam(Team team, List<VirtualKey> keys) {
        deleteWithKeys(Items.teamPk(team.teamId()), keys);
    }

    @Override
    public List<Team> teams() {
        return query(Tables.GSI1, Items.TEAM, Items::toTeam);
    }

    @Override
    public List<User> users() {
        return query(Tables.GSI1, Items.USER, Items::toUser);
    }

    @Override
    public void createUser(User user) {
        createItem(Items.userItem(user));
    }

    @Override
    public void updateUser(User user) {
        updateItem(Items.userItem(user));
    }

    @Override
    public void deleteUser(User user, List<VirtualKey> keys) {
        deleteWithKeys(Items.userPk(user.userId()), keys);
    }

    /** One PutItem of an item that must not exist yet (a 400 when it does). */
    private void createItem(Map<String, AttributeValue> item) {
        try {
            db.putItem(r -> r.tableName(table).item(item).conditionExpression(ABSENT));
        } catch (ConditionalCheckFailedException e) {
            throw GatewayException.invalid(null, Items.str(item, "pk") + " exists already.");
        }
    }

    /** One UpdateItem (see {@link #update}) of an item that must exist (a 404 when it does not). */
    private void updateItem(Map<String, AttributeValue> item) {
        Update u = update(item);
        try {
            db.updateItem(r -> r.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression()).expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw gone();
        }
    }

    /** Deletes {@code keys}, then the item owning them (a 404 when it is gone). */
    private void deleteWithKeys(Map<String, AttributeValue> owner, List<VirtualKey> keys) {
        deleteKeys(keys);
        try {
            db.deleteItem(r -> r.tableName(table).key(owner).conditionExpression(EXISTS));
        } catch (ConditionalCheckFailedException e) {
            throw gone();
        }
    }

    private static GatewayException gone() {
        return new GatewayException(ErrorKind.NOT_FOUND, "The item was changed or deleted meanwhile; "
                + "read it again and retry.");
    }

    /** Every item of one index partition, in sort-key order (creation time). */
    private <T> List<T> query(String index, String partition, Function<Map<String, AttributeValue>, T> decode) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", index + "pk"))
                .expressionAttributeValues(Map.of(":pk", Items.s(partition)))
                .build();
        List<T> out = new ArrayList<>();
        db.queryPaginator(request).items().forEach(item -> out.add(decode.apply(item)));
        return out;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key, String condition) {
        return TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(key).conditionExpression(condition).build()).build();
    }

    /**
     * An UpdateItem that sets every attribute of {@code item} but the key, spend and creation time,
     * and removes the optional attributes it lacks; the item must exist.
     */
    private Update update(Map<String, AttributeValue> item) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (!NOT_UPDATED.contains(e.getKey())) {
                names.put("#a" + i, e.getKey());
                values.put(":v" + i, e.getValue());
                sets.add("#a" + i + " = :v" + i);
                i++;
            }
        }
        for (String name : OPTIONAL) {
            if (!item.containsKey(name)) {
                names.put("#a" + i, name);
                removes.add("#a" + i);
                i++;
            }
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return Update.builder().tableName(table)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                .updateExpression(expression)
                .conditionExpression(EXISTS)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /**
     * Runs the writes as one transaction. A failed condition is a 400 naming {@code key_alias} when an
     * alias item was the one refused, else a 404: the item changed or went away meanwhile.
     */
    private void transact(List<TransactWriteItem> writes, String alias) {
        try {
            db.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code()) && isAliasClaim(writes.get(i))) {
                    throw GatewayException.invalid("key_alias", "key_alias \"" + alias
                            + "\" is taken by another key; aliases are unique.");
                }
            }
            boolean conditionFailed = reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (!conditionFailed) {
                throw e;
            }
            throw gone();
        }
    }

    /** A write claiming a free alias. */
    private static boolean isAliasClaim(TransactWriteItem w) {
        return w.put() != null && ABSENT.equals(w.put().conditionExpression())
                && Items.ALIAS.equals(w.put().item().get("sk").s());
    }
}
