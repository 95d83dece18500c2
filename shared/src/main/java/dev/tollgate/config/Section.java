package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One mapping of the config and its path ({@code model_list[2].litellm_params}), read key by key.
 * Each typed read resolves {@code os.environ/NAME}, checks the type and range, and fails with a
 * one-line message naming the key's path. A value from the environment is never echoed in a message,
 * nor is a secret.
 */
final class Section {
    private final ObjectNode node;
    private final String path;
    private final Env env;
    private final Warnings warnings;

    Section(ObjectNode node, String path, Env env, Warnings warnings) {
        this.node = node;
        this.path = path;
        this.env = env;
        this.warnings = warnings;
    }

    ObjectNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Env env() {
        return env;
    }

    Warnings warnings() {
        return warnings;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    void warnUnknown(Set<String> known) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                warnings.unknownKey(pathOf(k));
            }
        });
    }

    /** An optional string; null when absent. */
    String text(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.node.isTextual()) {
            throw fail(v, "expected a string", false);
        }
        return v.node.textValue();
    }

    /** A string that must be present and not blank. */
    String requiredText(String key) {
        String text = text(key);
        if (text == null) {
            throw ConfigException.at(pathOf(key), "missing (required)");
        }
        if (text.isBlank()) {
            throw ConfigException.at(pathOf(key), "must not be empty");
        }
        return text;
    }

    /** A credential. Wrong types are reported without the value; an empty string counts as absent. */
    Secret secret(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.node.isTextual()) {
            throw fail(v, "expected a string", true);
        }
        return Secret.ofNullable(v.node.textValue());
    }

    /** An optional integer of at least {@code min}. */
    Integer integer(String key, int min) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        JsonNode n = v.number();
        if (n == null || !n.isIntegralNumber()) {
            throw fail(v, "expected an integer", false);
        }
        if (!n.canConvertToInt()) {
            throw fail(v, "expected an integer up to " + Integer.MAX_VALUE, false);
        }
        if (n.intValue() < min) {
            throw fail(v, min == 0 ? "must not be negative" : "must be at least " + min, false);
        }
        return n.intValue();
    }

    /** An optional non-negative number, exactly; numeric strings such as {@code "1e-6"} are accepted. */
    BigDecimal decimal(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        JsonNode n = v.node.isTextual() ? parse(v.node.textValue()) : v.node;
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw fail(v, "expected a number", false);
        }
        BigDecimal d = n.decimalValue();
        if (d.signum() < 0) {
            throw fail(v, "must not be negative", false);
        }
        return d.stripTrailingZeros();
    }

    /** An optional non-negative number. */
    Double number(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        JsonNode n = v.number();
        if (n == null || !Double.isFinite(n.doubleValue())) {
            throw fail(v, "expected a number", false);
        }
        if (n.doubleValue() < 0) {
            throw fail(v, "must not be negative", false);
        }
        return n.doubleValue();
    }

    /** An optional positive number of seconds (integer or fractional). */
    Duration seconds(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        JsonNode n = v.number();
        if (n == null || !Double.isFinite(n.doubleValue())) {
            throw fail(v, "expected a number of seconds", false);
        }
        BigDecimal nanos = n.decimalValue().movePointRight(9).setScale(0, RoundingMode.HALF_UP);
        if (nanos.signum() <= 0) {
            throw fail(v, "must be a positive number of seconds", false);
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw fail(v, "is too large a number of seconds", false);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** An optional boolean; from the environment, {@code true} or {@code false} in any case. */
    Boolean bool(String key) {
        Value v = value(key);
        if (v == null) {
            return null;
        }
        if (v.node.isBoolean()) {
            return v.node.booleanValue();
        }
        if (v.envVar != null && v.node.isTextual()) {
            String s = v.node.textValue().strip();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
        }
        throw fail(v, "expected true or false", false);
    }

    /** How the value at key is shown in a message: never the value if it came from the environment. */
    String shown(String key) {
        JsonNode n = node.get(key);
        if (n != null && n.isTextual() && Env.isReference(n.textValue())) {
            return "the value of " + Env.variable(n.textValue(), pathOf(key));
        }
        return Values.describe(n);
    }

    /** A nested mapping, or an empty one with that path when absent or null. */
    Section sectionOrEmpty(String key) {
        Section s = section(key);
        return s != null ? s : new Section(JsonNodeFactory.instance.objectNode(), pathOf(key), env, warnings);
    }

    /** An optional nested mapping; null when absent or null. */
    Section section(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw ConfigException.at(pathOf(key), "expected a mapping, got " + Values.describe(n));
        }
        return new Section((ObjectNode) n, pathOf(key), env, warnings);
    }

    /** The entries of an optional list of mappings ({@code model_list}); empty when absent. */
    List<Section> sections(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ConfigException.at(pathOf(key), "expected a list, got " + Values.describe(n));
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode entry = n.get(i);
            String p = pathOf(key) + "[" + i + "]";
            if (entry.isNull() || (entry.isObject() && entry.isEmpty())) {
                throw ConfigException.at(p, "empty entry");
            }
            if (!entry.isObject()) {
                throw ConfigException.at(p, "expected a mapping, got " + Values.describe(entry));
            }
            out.add(new Section((ObjectNode) entry, p, env, warnings));
        }
        return out;
    }

    /** The value at key with environment references resolved (strictly); null when absent or null. */
    private Value value(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        String p = pathOf(key);
        if (n.isTextual() && Env.isReference(n.textValue())) {
            String variable = Env.variable(n.textValue(), p);
            return new Value(TextNode.valueOf(env.resolve(n.textValue(), p)), p, variable);
        }
        return new Value(n, p, null);
    }

    private static ConfigException fail(Value v, String problem, boolean secret) {
        String got;
        if (v.envVar != null) {
            got = "the value of " + v.envVar;
        } else if (secret) {
            got = Values.typeName(v.node);
        } else {
            got = Values.describe(v.node);
        }
        return ConfigException.at(v.path, problem + ", got " + got);
    }

    /** A number written as text, as from the environment; null if it is not one. */
    private static JsonNode parse(String text) {
        String s = text.strip();
        try {
            return LongNode.valueOf(Long.parseLong(s));
        } catch (NumberFormatException notLong) {
            try {
                return DecimalNode.valueOf(new BigDecimal(s));
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }

    private record Value(JsonNode node, String path, String envVar) {
        /** The node as a number: numbers as they are, and numeric text only if it came from the environment. */
        JsonNode number() {
            if (node.isNumber()) {
                return node;
            }
            return envVar != null && node.isTextual() ? parse(node.textValue()) : null;
        }
    }
}
