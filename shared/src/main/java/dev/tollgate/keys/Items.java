package dev.tollgate.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.openai.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys, teams and users as items of the main table, and back (the design is in
 * {@code shared/docs/dynamodb.md}). Money is a DynamoDB number written from {@link BigDecimal}, so
 * exact; instants are ISO-8601 UTC strings; metadata is its JSON text. Absent values are absent
 * attributes, never nulls.
 */
final class Items {
    static final String KEY = "KEY";
    static final String ALIAS = "ALIAS";
    static final String TEAM = "TEAM";
    static final String USER = "USER";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    static Map<String, AttributeValue> keyPk(String tokenHash) {
        return primary(KEY, tokenHash);
    }

    static Map<String, AttributeValue> aliasPk(String alias) {
        return primary(ALIAS, alias);
    }

    static Map<String, AttributeValue> teamPk(String teamId) {
        return primary(TEAM, teamId);
    }

    static Map<String, AttributeValue> userPk(String userId) {
        return primary(USER, userId);
    }

    /** {@code pk = TYPE#id}, {@code sk = TYPE}. */
    private static Map<String, AttributeValue> primary(String type, String id) {
        return Map.of("pk", s(type + "#" + id), "sk", s(type));
    }

    static Map<String, AttributeValue> aliasItem(String alias, String tokenHash) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(aliasPk(alias));
        item.put("token", s(tokenHash));
        return item;
    }

    static Map<String, AttributeValue> keyItem(VirtualKey k) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(keyPk(k.tokenHash()));
        item.put("type", s(KEY));
        item.put("token", s(k.tokenHash()));
        put(item, "key_name", k.keyName());
        put(item, "key_alias", k.keyAlias());
        put(item, "team_id", k.teamId());
        put(item, "user_id", k.userId());
        item.put("models", strings(k.models()));
        putLimits(item, k.limits());
        putBudget(item, k.budget());
        put(item, "expires", k.expires());
        item.put("blocked", AttributeValue.fromBool(k.blocked()));
        putMetadata(item, k.metadata());
        putTimes(item, k.createdAt(), k.updatedAt());
        String order = order(k.createdAt(), k.tokenHash());
        item.put("gsi1pk", s(KEY));
        item.put("gsi1sk", s(order));
        if (k.teamId() != null) {
            item.put("gsi2pk", s(TEAM + "#" + k.teamId()));
            item.put("gsi2sk", s(order));
        }
        if (k.userId() != null) {
            item.put("gsi3pk", s(USER + "#" + k.userId()));
            item.put("gsi3sk", s(order));
        }
        return item;
    }

    static VirtualKey toKey(Map<String, AttributeValue> item) {
        return new VirtualKey(str(item, "token"), str(item, "key_name"), str(item, "key_alias"),
                str(item, "team_id"), str(item, "user_id"), list(item, "models"), limits(item), budget(item),
                instant(item, "expires"), bool(item, "blocked"), metadata(item), instant(item, "created_at"),
                instant(item, "updated_at"));
    }

    static Map<String, AttributeValue> teamItem(Team t) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(teamPk(t.teamId()));
        item.put("type", s(TEAM));
        item.put("team_id", s(t.teamId()));
        put(item, "team_alias", t.teamAlias());
        item.put("models", strings(t.models()));
        putLimits(item, t.limits());
        putBudget(item, t.budget());
        item.put("blocked", AttributeValue.fromBool(t.blocked()));
        putMetadata(item, t.metadata());
        putTimes(item, t.createdAt(), t.updatedAt());
        item.put("gsi1pk", s(TEAM));
        item.put("gsi1sk", s(order(t.createdAt(), t.teamId())));
        return item;
    }

    static Team toTeam(Map<String, AttributeValue> item) {
        return new Team(str(item, "team_id"), str(item, "team_alias"), list(item, "models"), limits(item),
                budget(item), bool(item, "blocked"), metadata(item), instant(item, "created_at"),
                instant(item, "updated_at"));
    }

    static Map<String, AttributeValue> userItem(User u) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(userPk(u.userId()));
        item.put("type", s(USER));
        item.put("user_id", s(u.userId()));
        put(item, "user_email", u.userEmail());
        put(item, "user_role", u.userRole());
        item.put("teams", strings(u.teams()));
        item.put("models", strings(u.models()));
        putLimits(item, u.limits());
        putBudget(item, u.budget());
        putMetadata(item, u.metadata());
        putTimes(item, u.createdAt(), u.updatedAt());
        item.put("gsi1pk", s(USER));
        item.put("gsi1sk", s(order(u.createdAt(), u.userId())));
        return item;
    }

    static User toUser(Map<String, AttributeValue> item) {
        return new User(str(item, "user_id"), str(item, "user_email"), str(item, "user_role"), list(item, "teams"),
                list(item, "models"), limits(item), budget(item), metadata(item), instant(item, "created_at"),
                instant(item, "updated_at"));
    }

    /**
     * An index sort key that sorts by creation time: the instant with a fixed number of digits
     * (ISO-8601 text drops trailing zeros, which would sort 10:00:00.5Z after 10:00:00Z wrongly).
     */
    static String order(Instant created, String id) {
        return SORTABLE.format(created) + "#" + id;
    }

    private static void putLimits(Map<String, AttributeValue> item, Limits limits) {
        put(item, "rpm_limit", limits.rpmLimit());
        put(item, "tpm_limit", limits.tpmLimit());
        put(item, "max_parallel_requests", limits.maxParallelRequests());
    }

    private static void putBudget(Map<String, AttributeValue> item, Budget budget) {
        put(item, "max_budget", budget.maxBudget());
        put(item, "budget_duration", budget.budgetDuration());
        put(item, "budget_reset_at", budget.resetAt());
        put(item, "spend", budget.spend());
    }

    private static void putMetadata(Map<String, AttributeValue> item, ObjectNode metadata) {
        if (metadata != null) {
            item.put("metadata", s(Json.string(metadata)));
        }
    }

    private static void putTimes(Map<String, AttributeValue> item, Instant created, Instant updated) {
        put(item, "created_at", created);
        put(item, "updated_at", updated);
    }

    private static Limits limits(Map<String, AttributeValue> item) {
        Long rpm = number(item, "rpm_limit");
        Long parallel = number(item, "max_parallel_requests");
        return new Limits(rpm == null ? null : rpm.intValue(), number(item, "tpm_limit"),
                parallel == null ? null : parallel.intValue());
    }

    /** The budget attributes of a key, team or user item (for the spend write, which sees raw items). */
    static Budget budgetOf(Map<String, AttributeValue> item) {
        return budget(item);
    }

    private static Budget budget(Map<String, AttributeValue> item) {
        return new Budget(decimal(item, "max_budget"), str(item, "budget_duration"), instant(item, "budget_reset_at"),
                decimal(item, "spend"));
    }

    private static void put(Map<String, AttributeValue> item, String name, Object value) {
        switch (value) {
            case null -> { }
            case String text -> item.put(name, s(text));
            case BigDecimal d -> item.put(name, AttributeValue.fromN(d.toPlainString()));
            case Number n -> item.put(name, AttributeValue.fromN(n.toString()));
            case Instant i -> item.put(name, s(i.toString()));
            default -> throw new IllegalArgumentException(name + ": cannot store " + value.getClass());
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.valueOf(v.n());
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : new BigDecimal(v.n());
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : Instant.parse(text);
    }

    private static ObjectNode metadata(Map<String, AttributeValue> item) {
        String text = str(item, "metadata");
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
