package dev.tollgate.keys;

import dev.tollgate.spend.SpendRecorder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Spend written straight onto the key and team items, so concurrent calls on any instance never
 * lose an increment. Only items that still exist are touched (a key deleted meanwhile is not
 * recreated as a bare spend item). Beside {@link DynamoKeyStore} because it writes the same items
 * ({@link Items} owns their keys). The usage-event pipeline (spend-aggregator) replaces it behind
 * {@link SpendRecorder}.
 *
 * <p>Budget windows roll here, on the first spend after one ends: while the window lasts, one
 * atomic {@code ADD spend :cost} conditioned on the window still lasting; once it has ended, one
 * conditional write that starts the next window with this cost as its spend, its end stepped from
 * the old one by the item's {@code budget_duration} ({@link Budget#rolledAt}). Two instances that
 * both find the window ended race on that write; the loser adds to the new window instead.
 */
public final class DynamoSpendRecorder implements SpendRecorder {
    private static final System.Logger LOG = System.getLogger("tollgate.spend");
    private static final Executor ALONGSIDE = Executors.newVirtualThreadPerTaskExecutor();

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;

    public DynamoSpendRecorder(DynamoDbClient db, String table) {
        this(db, table, Clock.systemUTC());
    }

    public DynamoSpendRecorder(DynamoDbClient db, String table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    /** The key's and the team's updates go out together: the caller waits for one round trip, not two. */
    @Override
    public void record(Caller caller, BigDecimal cost) {
        Instant now = clock.instant();
        String teamId = caller.key().teamId();
        CompletableFuture<Void> team = teamId == null ? null
                : CompletableFuture.runAsync(() -> spend(Items.teamPk(teamId), cost, now), ALONGSIDE);
        try {
            spend(Items.keyPk(caller.key().tokenHash()), cost, now);
        } finally {
            if (team != null) {
                team.join();
            }
        }
    }

    private void spend(Map<String, AttributeValue> key, BigDecimal cost, Instant now) {
        Map<String, AttributeValue> item;
        try {
            addWithinWindow(key, cost, now);
            return;
        } catch (ConditionalCheckFailedException refused) {
            item = refused.item();
        }
        if (item == null || item.isEmpty()) {
            gone(key);
            return;
        }
        Budget stored = Items.budgetOf(item);
        if (stored.windowEndedAt(now) && stored.budgetDuration() != null && startNextWindow(key, stored, cost, now)) {
            return;
        }
        try {
            addWithinWindow(key, cost, now);
        } catch (ConditionalCheckFailedException again) {
            LOG.log(System.Logger.Level.WARNING, "spend of {0} USD not recorded on {1}: its budget window "
                    + "changed twice while recording", cost.toPlainString(), key.get("pk").s());
        }
    }

    /** {@code ADD spend}, unless the item is gone or its budget window has ended (the exception then carries the item). */
    private void addWithinWindow(Map<String, AttributeValue> key, BigDecimal cost, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(ResetTimes.nowValues(now));
        values.put(":cost", AttributeValue.fromN(cost.toPlainString()));
        db.updateItem(r -> r.tableName(table).key(key)
                .updateExpression("ADD spend :cost")
                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(budget_reset_at) OR "
                        + ResetTimes.AFTER_NOW + ")")
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * Starts the window after the ended one with {@code cost} spent; false if another writer got
     * there first. The condition names the exact end it stepped from, so the new end is always
     * computed from what the item held.
     */
    private boolean startNextWindow(Map<String, AttributeValue> key, Budget ended, BigDecimal cost, Instant now) {
        Budget next = ended.rolledAt(now);
        try {
            db.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET spend = :cost, budget_reset_at = :next")
                    .conditionExpression("attribute_exists(pk) AND budget_reset_at = :ended")
                    .expressionAttributeValues(Map.of(
                            ":cost", AttributeValue.fromN(cost.toPlainString()),
                            ":next", AttributeValue.fromS(next.resetAt().toString()),
                            ":ended", AttributeValue.fromS(ended.resetAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException lostRace) {
            return false;
        }
    }

    private static void gone(Map<String, AttributeValue> key) {
        LOG.log(System.Logger.Level.DEBUG, "spend not recorded on {0}: the item no longer exists", key.get("pk").s());
    }
}
