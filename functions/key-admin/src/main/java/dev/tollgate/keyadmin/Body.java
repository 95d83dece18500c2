package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.openai.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An admin request body: typed reads that tell an absent field ({@link #has} false: keep the
 * current value) from an explicit null (clear it), each wrong type a 400 naming the field. Fields
 * Tollgate does not know are ignored, as LiteLLM ignores them.
 *
 * <p>Every value is bounded, so that no request can ask for unbounded work or an item beyond
 * DynamoDB's 400 KB: a string at most {@value #MAX_TEXT} characters, a list at most
 * {@value #MAX_LIST} entries unless the field says fewer, a JSON object at most
 * {@value #MAX_OBJECT_BYTES} bytes as JSON text. Each excess is a 400 naming the field.
 */
final class Body {
    static final int MAX_TEXT = 256;
    static final int MAX_LIST = 256;
    static final int MAX_OBJECT_BYTES = 32 * 1024;

    private final JsonNode node;

    Body(JsonNode node) {
        this.node = node;
    }

    boolean has(String name) {
        return node.has(name);
    }

    String text(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw invalid(name, name + ": expected a non-empty string, got " + v + ".");
        }
        return bounded(name, v.textValue());
    }

    private static String bounded(String name, String text) {
        if (text.length() > MAX_TEXT) {
            throw invalid(name, name + ": at most " + MAX_TEXT + " characters, got " + text.length() + ".");
        }
        return text;
    }

    String requiredText(String name) {
        String text = text(name);
        if (text == null) {
            throw invalid(name, "Missing required field '" + name + "'.");
        }
        return text;
    }

    /** A list of at most {@value #MAX_LIST} non-empty strings; null when absent or null. */
    List<String> strings(String name) {
        return strings(name, MAX_LIST);
    }

    /** A list of at most {@code max} non-empty strings; null when absent or null. */
    List<String> strings(String name, int max) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid(name, name + ": expected a list of strings, got " + v + ".");
        }
        if (v.size() > max) {
            throw invalid(name, name + ": at most " + max + " entries, got " + v.size() + ".");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw invalid(name + "[" + i + "]", name + "[" + i + "]: expected a non-empty string, got " + item + ".");
            }
            out.add(bounded(name + "[" + i + "]", item.textValue()));
        }
        return out;
    }

    /** A non-empty list of at most {@code max} strings that must be there. */
    List<String> requiredStrings(String name, int max) {
        List<String> list = strings(name, max);
        if (list == null || list.isEmpty()) {
            throw invalid(name, "Missing required field '" + name + "' (a non-empty list).");
        }
        return list;
    }

    /** An amount of USD, zero or more, exact; never in exponent form (1E+1 is read as 10). */
    BigDecimal money(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || v.decimalValue().signum() < 0) {
            throw invalid(name, name + ": expected a number of USD, zero or more, got " + v + ".");
        }
        BigDecimal amount = v.decimalValue();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** A whole number, zero or more, within int range. */
    Integer count(String name) {
        Long n = bigCount(name);
        if (n != null && n > Integer.MAX_VALUE) {
            throw invalid(name, name + ": expected at most " + Integer.MAX_VALUE + ", got " + n + ".");
        }
        return n == null ? null : n.intValue();
    }

    /** A whole number, zero or more. */
    Long bigCount(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw invalid(name, name + ": expected a whole number, zero or more, got " + v + ".");
        }
        return v.longValue();
    }

    Boolean bool(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw invalid(name, name + ": expected true or false, got " + v + ".");
        }
        return v.booleanValue();
    }

    /** A JSON object of at most {@value #MAX_OBJECT_BYTES} bytes as JSON text, kept as given. */
    ObjectNode object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw invalid(name, name + ": expected a JSON object, got " + v + ".");
        }
        int bytes = Json.string(v).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_OBJECT_BYTES) {
            throw invalid(name, name + ": at most " + MAX_OBJECT_BYTES / 1024 + " KB as JSON, got " + bytes + " bytes.");
        }
        return ((ObjectNode) v).deepCopy();
    }

    /** A 400 when the caller tries to set a field only Tollgate writes. */
    void rejectReadOnly(String... names) {
        for (String name : names) {
            if (has(name)) {
                throw invalid(name, name + " is read-only: it is kept by Tollgate from recorded usage.");
            }
        }
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }
}
