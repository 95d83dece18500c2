package dev.tollgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tollgate.dynamolocal.EmbeddedDynamo;
import dev.tollgate.store.Tables;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalTablesTest {
    @TempDir
    Path dataDir;

    @Test
    void createsBothTablesWithTheirKeysIndexesAndTtl() throws Exception {
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir)) {
            LocalTables.ensure(dynamo.client());
            LocalTables.ensure(dynamo.client()); // idempotent

            TableDescription main = dynamo.client().describeTable(r -> r.tableName(LocalTables.MAIN)).table();
            assertEquals("pk", main.keySchema().get(0).attributeName());
            assertEquals("sk", main.keySchema().get(1).attributeName());
            List<String> indexes = main.globalSecondaryIndexes().stream()
                    .map(GlobalSecondaryIndexDescription::indexName).sorted().toList();
            assertEquals(List.of(Tables.GSI1, Tables.GSI2, Tables.GSI3), indexes);
            for (GlobalSecondaryIndexDescription gsi : main.globalSecondaryIndexes()) {
                assertEquals(gsi.indexName() + "pk", gsi.keySchema().get(0).attributeName());
                assertEquals(gsi.indexName() + "sk", gsi.keySchema().get(1).attributeName());
                assertEquals(ProjectionType.INCLUDE, gsi.projection().projectionType());
                assertFalse(gsi.projection().nonKeyAttributes().contains("spend"), "the request path writes spend");
            }

            TableDescription spend = dynamo.client().describeTable(r -> r.tableName(LocalTables.SPEND)).table();
            assertEquals(2, spend.keySchema().size());
            var ttl = dynamo.client().describeTimeToLive(r -> r.tableName(LocalTables.SPEND)).timeToLiveDescription();
            assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
            assertEquals(LocalTables.SPEND_TTL_ATTRIBUTE, ttl.attributeName());
        }
    }
}
