package dev.tollgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.dynamolocal.EmbeddedDynamo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalTablesTest {
    @TempDir
    Path dataDir;

    @Test
    void createsBothTablesWithTheirKeysIndexAndTtl() throws Exception {
        try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir)) {
            LocalTables.ensure(dynamo.client());
            LocalTables.ensure(dynamo.client()); // idempotent

            TableDescription main = dynamo.client().describeTable(r -> r.tableName(LocalTables.MAIN)).table();
            assertEquals("pk", main.keySchema().get(0).attributeName());
            assertEquals("sk", main.keySchema().get(1).attributeName());
            var gsi = main.globalSecondaryIndexes().get(0);
            assertEquals(LocalTables.GSI1, gsi.indexName());
            assertEquals("gsi1pk", gsi.keySchema().get(0).attributeName());
            assertEquals("gsi1sk", gsi.keySchema().get(1).attributeName());
            assertEquals(ProjectionType.ALL, gsi.projection().projectionType());

            TableDescription spend = dynamo.client().describeTable(r -> r.tableName(LocalTables.SPEND)).table();
            assertEquals(2, spend.keySchema().size());
            var ttl = dynamo.client().describeTimeToLive(r -> r.tableName(LocalTables.SPEND)).timeToLiveDescription();
            assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
            assertEquals(LocalTables.SPEND_TTL_ATTRIBUTE, ttl.attributeName());
        }
    }
}
