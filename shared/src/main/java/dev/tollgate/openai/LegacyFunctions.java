package dev.tollgate.openai;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The deprecated {@code functions} / {@code function_call} fields, read as their {@code tools} twins. */
final class LegacyFunctions {
    private LegacyFunctions() {
    }

    static List<Tool> toTools(JsonNode functions) {
        if (!functions.isArray()) {
            throw invalid("functions", "'functions' must be an array.");
        }
        List<Tool> tools = new ArrayList<>(functions.size());
        for (int i = 0; i < functions.size(); i++) {
            tools.add(new Tool("function", readFunction(functions.get(i), "functions[" + i + "]")));
        }
        return tools;
    }

    static Tool.Function readFunction(JsonNode fn, String path) {
        if (fn == null || !fn.isObject()) {
            throw invalid(path, "'" + path + "' must be an object with 'name'.");
        }
        JsonNode params = fn.get("parameters");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw invalid(path + ".parameters", "'" + path + ".parameters' must be a JSON Schema object.");
        }
        JsonNode strict = fn.get("strict");
        return new Tool.Function(Fields.requiredText(fn, "name", path + ".name"),
                Fields.optionalText(fn, "description", path + ".description"),
                params == null || params.isNull() ? null : params,
                strict != null && strict.isBoolean() ? strict.booleanValue() : null);
    }

    static ToolChoice toToolChoice(JsonNode functionCall) {
        if (functionCall.isTextual()) {
            return "none".equals(functionCall.textValue())
                    ? new ToolChoice.OfMode(ToolChoice.Mode.NONE)
                    : new ToolChoice.OfMode(ToolChoice.Mode.AUTO);
        }
        return new ToolChoice.Named(Fields.requiredText(functionCall, "name", "function_call.name"));
    }

    static ToolCall toToolCall(JsonNode functionCall, String path) {
        String name = Fields.requiredText(functionCall, "name", path + ".name");
        String args = Fields.optionalText(functionCall, "arguments", path + ".arguments");
        return ToolCall.function("call_" + name, name, args == null ? "{}" : args);
    }
}
