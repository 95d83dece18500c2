package dev.tollgate.local;

import dev.tollgate.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tables the embedded runtime keeps in DynamoDB Local: those of {@link Tables}, under their
 * default names. Creating them is idempotent.
 */
public final class LocalTables {
    public static final String MAIN = Tables.MAIN;
    public static final String SPEND = Tables.SPEND;
    public static final String SPEND_TTL_ATTRIBUTE = Tables.SPEND_TTL_ATTRIBUTE;

    private LocalTables() {
    }

    /** Creates whichever table is missing and turns on the spend table's TTL. */
    public static void ensure(DynamoDbClient db) {
        Tables.ensure(db);
    }
}
