package dev.tollgate.keys;

import dev.tollgate.spend.SpendRecorder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Spend written straight onto the key and team items: one atomic {@code ADD spend :cost}
 * UpdateItem each, so concurrent calls on any instance never lose an increment. Only items that
 * still exist are touched (a key deleted meanwhile is not recreated as a bare spend item). Beside
 * {@link DynamoKeyStore} because it writes the same items ({@link Items} owns their keys). The
 * usage-event pipeline (spend-aggregator) replaces it behind {@link SpendRecorder}.
 *
 * <p>Budget windows are not rolled here: the request path ignores the spend of a window whose
 * {@code budget_reset_at} has passed, and the budget reset (a later issue) zeroes it.
 */
public final class DynamoSpendRecorder implements SpendRecorder {
    private static final System.Logger LOG = System.getLogger("tollgate.spend");
    private static final Executor ALONGSIDE = Executors.newVirtualThreadPerTaskExecutor();

    private final DynamoDbClient db;
    private final String table;

    public DynamoSpendRecorder(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** The key's and the team's updates go out together: the caller waits for one round trip, not two. */
    @Override
    public void record(Caller caller, BigDecimal cost) {
        String teamId = caller.key().teamId();
        CompletableFuture<Void> team = teamId == null ? null
                : CompletableFuture.runAsync(() -> add(Items.teamPk(teamId), cost), ALONGSIDE);
        try {
            add(Items.keyPk(caller.key().tokenHash()), cost);
        } finally {
            if (team != null) {
                team.join();
            }
        }
    }

    private void add(Map<String, AttributeValue> key, BigDecimal cost) {
        try {
            db.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("ADD spend :cost")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":cost", AttributeValue.fromN(cost.toPlainString()))));
        } catch (ConditionalCheckFailedException gone) {
            LOG.log(System.Logger.Level.DEBUG, "spend not recorded on {0}: the item no longer exists",
                    key.get("pk").s());
        }
    }
}
