package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code tool_choice}: a mode ({@code auto}, {@code none}, {@code required}) or one named function. */
public sealed interface ToolChoice {

    enum Mode { AUTO, NONE, REQUIRED }

    record OfMode(Mode mode) implements ToolChoice {
        @JsonValue
        public String wire() {
            return mode.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Named(String functionName) implements ToolChoice {
        @JsonValue
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("type", "function");
            node.putObject("function").put("name", functionName);
            return node;
        }
    }
}
