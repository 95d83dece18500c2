package dev.tollgate.keys;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads through the main table's indexes. The indexes carry keys (and the owner ids), not whole
 * items, so a listing walks an index partition for primary keys and then reads the items it needs
 * by primary key, {@value #BATCH} per BatchGetItem.
 */
final class IndexReads {
    /** BatchGetItem's limit. */
    static final int BATCH = 100;
    /** Attempts at a batch's UnprocessedKeys (throttling) before giving up with a 503. */
    private static final int BATCH_ATTEMPTS = 5;

    private final DynamoDbClient db;
    private final String table;

    /** A partition of an index, optionally narrowed by {@code #f = :f} on a projected attribute. */
    record Partition(String index, String value, String filterAttribute, String filterValue) {
        static Partition of(String index, String value) {
            return new Partition(index, value, null, null);
        }
    }

    /** The primary keys of one page of a partition, and how many the partition holds in all. */
    record Window(List<Map<String, AttributeValue>> keys, int total) {
    }

    IndexReads(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /**
     * Walks the partition in index order, keeping only the primary keys of positions
     * {@code [from, from + size)} and counting the rest. The walk reads index entries (a few hundred
     * bytes each), never whole items, and holds at most {@code size} of them.
     */
    Window window(Partition p, long from, int size) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        long[] position = {0};
        db.queryPaginator(query(p)).items().forEach(entry -> {
            if (position[0] >= from && position[0] < from + size) {
                keys.add(primaryKey(entry));
            }
            position[0]++;
        });
        return new Window(keys, (int) Math.min(Integer.MAX_VALUE, position[0]));
    }

    /** Every primary key of the partition, in index order. */
    List<Map<String, AttributeValue>> all(Partition p) {
        return db.queryPaginator(query(p)).items().stream().map(IndexReads::primaryKey).toList();
    }

    /**
     * The items of these primary keys, in the order asked, those that no longer exist left out:
     * BatchGetItem per {@value #BATCH}, its UnprocessedKeys asked again a bounded number of times.
     */
    List<Map<String, AttributeValue>> items(List<Map<String, AttributeValue>> keys, boolean consistent) {
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(consistent).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE,
                            "DynamoDB is throttling reads of the " + table + " table; retry shortly.");
                }
                if (attempt > 1) {
                    pause(attempt);
                }
                Map<String, KeysAndAttributes> ask = pending;
                BatchGetItemResponse response = db.batchGetItem(r -> r.requestItems(ask));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> byPk.put(item.get("pk").s(), item));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        Map<String, Map<String, AttributeValue>> ordered = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = byPk.get(key.get("pk").s());
            if (item != null) {
                ordered.put(key.get("pk").s(), item);
            }
        }
        return List.copyOf(ordered.values());
    }

    private QueryRequest query(Partition p) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", p.index() + "pk"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(p.value())));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(p.index())
                .keyConditionExpression("#pk = :pk");
        if (p.filterAttribute() != null) {
            names.put("#f", p.filterAttribute());
            values.put(":f", Items.s(p.filterValue()));
            q.filterExpression("#f = :f");
        }
        return q.expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> primaryKey(Map<String, AttributeValue> entry) {
        return Map.of("pk", entry.get("pk"), "sk", entry.get("sk"));
    }

    /** Exponential backoff with full jitter: up to 25, 50, 100 ... ms. */
    private static void pause(int attempt) {
        long bound = 25L << Math.min(attempt - 2, 6);
        try {
            Thread.sleep((long) (Math.random() * bound) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "Interrupted while reading DynamoDB.");
        }
    }
}
