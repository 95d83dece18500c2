package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** How a config value is shown in a message: literal scalars quoted, everything else by its kind. */
final class Values {
    private static final int MAX_SHOWN = 60;

    private Values() {
    }

    /** The value itself for scalars ({@code "fast"}, {@code -3}, {@code true}), else its kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return TextNode.valueOf(text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text).toString();
        }
        if (node.isNumber() || node.isBoolean()) {
            String text = node.asText();
            return text.length() > MAX_SHOWN ? typeName(node) : text;
        }
        return typeName(node);
    }

    /** The kind of a value, with an article: {@code a mapping}, {@code a string} ... */
    static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            default -> "an unsupported value";
        };
    }
}
