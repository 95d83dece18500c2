package dev.tollgate.local;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The tables the embedded runtime keeps in DynamoDB Local, defined in one place: {@value #MAIN}
 * (keys, teams, users; GSI {@value #GSI1}) and {@value #SPEND} (spend counters, expiring on
 * {@value #SPEND_TTL_ATTRIBUTE}). Creating them is idempotent.
 */
public final class LocalTables {
    public static final String MAIN = "tollgate";
    public static final String GSI1 = "gsi1";
    public static final String SPEND = "tollgate_spend";
    public static final String SPEND_TTL_ATTRIBUTE = "expires_at";

    private static final System.Logger LOG = System.getLogger("tollgate.local");

    private LocalTables() {
    }

    static List<CreateTableRequest> definitions() {
        CreateTableRequest main = CreateTableRequest.builder()
                .tableName(MAIN)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GSI1)
                        .keySchema(hash("gsi1pk"), range("gsi1sk"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
        CreateTableRequest spend = CreateTableRequest.builder()
                .tableName(SPEND)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"))
                .keySchema(hash("pk"), range("sk"))
                .build();
        return List.of(main, spend);
    }

    /** Creates whichever table is missing and turns on the spend table's TTL. */
    public static void ensure(DynamoDbClient db) {
        Set<String> existing = db.listTablesPaginator().tableNames().stream().collect(Collectors.toSet());
        for (CreateTableRequest table : definitions()) {
            if (!existing.contains(table.tableName())) {
                try {
                    db.createTable(table);
                } catch (ResourceInUseException raced) {
                    // created meanwhile by another start on the same data directory
                }
            }
        }
        enableTtl(db, SPEND, SPEND_TTL_ATTRIBUTE);
    }

    private static void enableTtl(DynamoDbClient db, String table, String attribute) {
        try {
            TimeToLiveStatus status = db.describeTimeToLive(r -> r.tableName(table))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                db.updateTimeToLive(r -> r.tableName(table)
                        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
            }
        } catch (DynamoDbException e) {
            LOG.log(System.Logger.Level.WARNING, "TTL not enabled on {0}: {1}", table, e.getMessage());
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
