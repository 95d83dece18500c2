package dev.tollgate.keys;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs the admin side's key transactions and says why DynamoDB refused one, in the caller's terms:
 * a taken alias or a missing team is a 400 naming the field, a vanished item a 404, an item changed
 * since it was read a 409.
 */
final class AdminWrites {
    private final DynamoDbClient db;
    private final String table;

    AdminWrites(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    static GatewayException gone() {
        return new GatewayException(ErrorKind.NOT_FOUND, "The item was deleted meanwhile.");
    }

    /** After a refused write: a 404 when the item is gone, else a 409 (it changed since it was read). */
    GatewayException conflictOrGone(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return gone();
        }
        return new GatewayException(ErrorKind.CONFLICT, key.get("pk").s().replaceFirst("#.*", "").toLowerCase()
                + " was changed by another request since it was read; read it again and retry.");
    }

    /**
     * Runs the writes as one transaction. A failed condition is a 400 naming {@code key_alias} when an
     * alias claim was refused, a 400 naming {@code team_id} when the key's team is gone, else a 404
     * (the item went away) or a 409 (it changed since it was read, or another transaction held it).
     */
    void transact(List<TransactWriteItem> writes, VirtualKey key) {
        try {
            db.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    continue;
                }
                TransactWriteItem w = writes.get(i);
                if (isAliasClaim(w)) {
                    throw GatewayException.invalid("key_alias", "key_alias \"" + key.keyAlias()
                            + "\" is taken by another key; aliases are unique.");
                }
                if (w.conditionCheck() != null) {
                    throw GatewayException.invalid("team_id", "team_id: no team \"" + key.teamId()
                            + "\"; create it with /team/new first.");
                }
                throw conflictOrGone(target(w));
            }
            if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                throw new GatewayException(ErrorKind.CONFLICT, "Another request was changing the same key; retry.");
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> target(TransactWriteItem w) {
        if (w.update() != null) {
            return w.update().key();
        }
        if (w.delete() != null) {
            return w.delete().key();
        }
        return Map.of("pk", w.put().item().get("pk"), "sk", w.put().item().get("sk"));
    }

    /** A write claiming a free alias. */
    private static boolean isAliasClaim(TransactWriteItem w) {
        return w.put() != null && DynamoKeyStore.ABSENT.equals(w.put().conditionExpression())
                && Items.ALIAS.equals(w.put().item().get("sk").s());
    }
}
