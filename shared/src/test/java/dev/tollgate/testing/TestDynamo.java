package dev.tollgate.testing;

import dev.tollgate.dynamolocal.EmbeddedDynamo;
import dev.tollgate.store.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local for tests: one in-memory instance per test JVM, started on first use, and a fresh
 * main table per call of {@link #freshTable()} so tests never see each other's items. A module using
 * it adds {@code dev.tollgate:dynamo-local} at test scope.
 */
public final class TestDynamo {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedDynamo instance;

    private TestDynamo() {
    }

    public static synchronized DynamoDbClient client() {
        if (instance == null) {
            try {
                instance = EmbeddedDynamo.startInMemory();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-dynamo-stop"));
        }
        return instance.client();
    }

    /** Creates a new, empty main table (Tables.main) and returns its name. */
    public static String freshTable() {
        String name = Tables.MAIN + "_test_" + TABLES.incrementAndGet();
        Tables.ensure(client(), List.of(Tables.main(name)));
        return name;
    }

    /** Every item of a table, for tests that check nothing is left behind. */
    public static List<Map<String, AttributeValue>> scan(String table) {
        return client().scanPaginator(r -> r.tableName(table)).items().stream().toList();
    }
}
