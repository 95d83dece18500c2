package dev.tollgate.store;

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
 * Tollgate's DynamoDB tables, defined once for the CDK stack, {@code bin/local} and the tests:
 * {@value #MAIN} (keys, aliases, teams, users: see {@code shared/docs/dynamodb.md}) and
 * {@value #SPEND} (spend counters, expiring on {@value #SPEND_TTL_ATTRIBUTE}). Names are defaults;
 * each definition takes the table name, so tests can use a fresh table each.
 */
public final class Tables {
    public static final String MAIN = "tollgate";
    public static final String SPEND = "tollgate_spend";
    public static final String SPEND_TTL_ATTRIBUTE = "expires_at";
    /** Every item of one type (KEY, TEAM, USER), oldest first. */
    public static final String GSI1 = "gsi1";
    /** Keys of one team. */
    public static final String GSI2 = "gsi2";
    /** Keys of one user. */
    public static final String GSI3 = "gsi3";
    /**
     * The attributes the indexes carry besides their keys: the admin-written owner ids a key list
     * filters on. Never an attribute the request path writes ({@code spend}, {@code budget_reset_at}),
     * so a priced call's UpdateItem touches the table item alone, not every index.
     */
    public static final List<String> INDEX_ATTRIBUTES = List.of("team_id", "user_id");

    private static final System.Logger LOG = System.getLogger("tollgate.store");

    private Tables() {
    }

    public static CreateTableRequest main(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"),
                        string("gsi2pk"), string("gsi2sk"), string("gsi3pk"), string("gsi3sk"))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(index(GSI1), index(GSI2), index(GSI3))
                .build();
    }

    public static CreateTableRequest spend(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"))
                .keySchema(hash("pk"), range("sk"))
                .build();
    }

    /** Both tables under their default names. */
    public static List<CreateTableRequest> definitions() {
        return List.of(main(MAIN), spend(SPEND));
    }

    /** Creates whichever default table is missing and turns on the spend table's TTL. Idempotent. */
    public static void ensure(DynamoDbClient db) {
        ensure(db, definitions());
        enableTtl(db, SPEND, SPEND_TTL_ATTRIBUTE);
    }

    /** Creates whichever of these tables is missing. */
    public static void ensure(DynamoDbClient db, List<CreateTableRequest> tables) {
        Set<String> existing = db.listTablesPaginator().tableNames().stream().collect(Collectors.toSet());
        for (CreateTableRequest table : tables) {
            if (!existing.contains(table.tableName())) {
                try {
                    db.createTable(table);
                } catch (ResourceInUseException raced) {
                    // created meanwhile by another start on the same data directory
                }
            }
        }
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

    private static GlobalSecondaryIndex index(String name) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(name + "pk"), range(name + "sk"))
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(INDEX_ATTRIBUTES).build())
                .build();
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
