package dev.tollgate.dynamolocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EmbeddedDynamoTest {
    @TempDir
    Path dataDir;

    @Test
    void itemsSurviveARestartOnTheSameDataDirectory() throws Exception {
        Map<String, AttributeValue> key = Map.of("pk", s("KEY#abc"));
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir)) {
            createTable(dynamo.client());
            dynamo.client().putItem(r -> r.tableName("things").item(Map.of("pk", s("KEY#abc"), "alias", s("ci"))));
        }
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir)) {
            var item = dynamo.client().getItem(r -> r.tableName("things").key(key).consistentRead(true)).item();
            assertEquals("ci", item.get("alias").s());
        }
    }

    @Test
    void inMemoryInstanceStartsEmptyAndServes() throws Exception {
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.startInMemory()) {
            assertEquals(List.of(), dynamo.client().listTables().tableNames());
            createTable(dynamo.client());
            assertEquals(List.of("things"), dynamo.client().listTables().tableNames());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.startInMemory()) {
            assertTrue(dynamo.endpoint().toString().startsWith("http://127.0.0.1:"));
            List<String> bound = ListeningSockets.boundTo(dynamo.endpoint().getPort());
            assertTrue(!bound.isEmpty() && bound.stream().allMatch(a -> a.startsWith("127.") || a.equals("::1")),
                    "bound to " + bound);
        }
    }

    private static void createTable(DynamoDbClient db) {
        db.createTable(r -> r.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
