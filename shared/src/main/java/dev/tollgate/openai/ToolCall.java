package dev.tollgate.openai;

/** A function call the assistant asked for; {@code arguments} is a JSON document as a string. */
public record ToolCall(String id, String type, FunctionCall function) {

    public record FunctionCall(String name, String arguments) {
    }

    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(id, "function", new FunctionCall(name, arguments));
    }
}
