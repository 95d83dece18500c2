package dev.tollgate.openai;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of optional and required JSON fields; each failure is a 400 naming the field path. */
final class Fields {
    private Fields() {
    }

    static String requiredText(JsonNode obj, String name) {
        return requiredText(obj, name, name);
    }

    static String requiredText(JsonNode obj, String name, String path) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            throw invalid(path, "Missing required field '" + path + "'.");
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw invalid(path, "'" + path + "' must be a non-empty string.");
        }
        return v.textValue();
    }

    static String optionalText(JsonNode obj, String name) {
        return optionalText(obj, name, name);
    }

    static String optionalText(JsonNode obj, String name, String path) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(path, "'" + path + "' must be a string.");
        }
        return v.textValue();
    }

    static boolean optionalBoolean(JsonNode obj, String name, boolean fallback) {
        Boolean b = optionalBooleanOrNull(obj, name);
        return b == null ? fallback : b;
    }

    static Boolean optionalBooleanOrNull(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw invalid(name, "'" + name + "' must be a boolean.");
        }
        return v.booleanValue();
    }

    static Double optionalNumber(JsonNode obj, String name, double min, double max) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid(name, "'" + name + "' must be a number.");
        }
        double d = v.doubleValue();
        if (d < min || d > max) {
            throw invalid(name, "'" + name + "' must be between " + fmt(min) + " and " + fmt(max) + ", got " + v + ".");
        }
        return d;
    }

    static Integer optionalInt(JsonNode obj, String name, int min) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw invalid(name, "'" + name + "' must be an integer.");
        }
        if (v.intValue() < min) {
            throw invalid(name, "'" + name + "' must be at least " + min + ", got " + v.intValue() + ".");
        }
        return v.intValue();
    }

    static Long optionalLong(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(name, "'" + name + "' must be an integer.");
        }
        return v.longValue();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
