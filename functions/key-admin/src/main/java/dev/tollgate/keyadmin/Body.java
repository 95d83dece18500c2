package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An admin request body: typed reads that tell an absent field ({@link #has} false: keep the
 * current value) from an explicit null (clear it), each wrong type a 400 naming the field. Fields
 * Tollgate does not know are ignored, as LiteLLM ignores them.
 */
final class Body {
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
        return v.textValue();
    }

    String requiredText(String name) {
        String text = text(name);
        if (text == null) {
            throw invalid(name, "Missing required field '" + name + "'.");
        }
        return text;
    }

    /** A list of non-empty strings; null when absent or null. */
    List<String> strings(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid(name, name + ": expected a list of strings, got " + v + ".");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw invalid(name + "[" + i + "]", name + "[" + i + "]: expected a non-empty string, got " + item + ".");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** A non-empty list of strings that must be there. */
    List<String> requiredStrings(String name) {
        List<String> list = strings(name);
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

    /** A JSON object, kept as given. */
    ObjectNode object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw invalid(name, name + ": expected a JSON object, got " + v + ".");
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
