package dev.tollgate.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The admin side's UpdateItem of a key, team or user: it sets only the attributes that differ
 * between the item as read and as wanted (always {@code updated_at}) and removes the ones the
 * change dropped, on condition that the item still exists and its {@code updated_at} is the one
 * read: an optimistic lock, so two admin writes racing cannot undo each other. {@code spend} is
 * never written: the request path adds to it with no lock of its own.
 */
final class ItemUpdates {
    static final String LOCK = "updated_at";
    private static final Set<String> NOT_UPDATED = Set.of("pk", "sk", "spend", "created_at", "type");

    private ItemUpdates() {
    }

    static Update update(String table, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : after.entrySet()) {
            String name = e.getKey();
            if (!NOT_UPDATED.contains(name) && (name.equals(LOCK) || !e.getValue().equals(before.get(name)))) {
                names.put("#a" + i, name);
                values.put(":v" + i, e.getValue());
                sets.add("#a" + i + " = :v" + i);
                i++;
            }
        }
        for (String name : before.keySet()) {
            if (!after.containsKey(name) && !NOT_UPDATED.contains(name)) {
                names.put("#a" + i, name);
                removes.add("#a" + i);
                i++;
            }
        }
        if (!after.containsKey(LOCK)) {
            throw new IllegalArgumentException("an admin update stamps " + LOCK);
        }
        String expression = "SET " + String.join(", ", sets)
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return Update.builder().tableName(table)
                .key(Map.of("pk", after.get("pk"), "sk", after.get("sk")))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(pk) AND " + lock(before, names, values))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** {@code updated_at} is still the one read (or still absent, for an item written before it existed). */
    static String lock(Map<String, AttributeValue> before, Map<String, String> names,
                       Map<String, AttributeValue> values) {
        names.put("#lock", LOCK);
        AttributeValue read = before.get(LOCK);
        if (read == null) {
            return "attribute_not_exists(#lock)";
        }
        values.put(":lock", read);
        return "#lock = :lock";
    }
}
