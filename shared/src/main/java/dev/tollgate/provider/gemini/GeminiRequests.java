package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.RequestDefaults;
import dev.tollgate.openai.ResponseFormat;
import dev.tollgate.openai.Tool;
import dev.tollgate.openai.ToolChoice;
import dev.tollgate.provider.DeploymentParams;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAI chat request to a Gemini {@code generateContent} body (the same body for the Gemini API
 * and for Gemini models on Vertex AI). The model and the stream flag are in the URL, not the body.
 */
public final class GeminiRequests {
    /** JSON-schema keywords Gemini's OpenAPI-subset schema rejects; removed at every depth. */
    private static final Set<String> UNSUPPORTED_SCHEMA_KEYS = Set.of(
            "$schema", "$id", "$ref", "$defs", "definitions", "additionalProperties", "strict", "examples",
            "default", "const", "patternProperties", "unevaluatedProperties", "dependentRequired", "$comment");

    private static final Set<String> STRING_FORMATS = Set.of("enum", "date-time");

    private GeminiRequests() {
    }

    /** The body as bytes, for the transports of this package and of Vertex AI. */
    /** The body for a deployment: its {@code litellm_params} fill what the caller left out, as in LiteLLM. */
    public static byte[] bytes(ChatRequest request, Deployment deployment) {
        return bytes(RequestDefaults.apply(request, DeploymentParams.forwardable(deployment)));
    }

    public static byte[] bytes(ChatRequest request) {
        return Json.bytes(toGemini(request));
    }

    static ObjectNode toGemini(ChatRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        GeminiContents.Conversation conversation = GeminiContents.toGemini(request.messages());
        body.set("contents", conversation.contents());
        if (conversation.systemInstruction() != null) {
            body.set("systemInstruction", conversation.systemInstruction());
        }
        putTools(body, request);
        JsonNode safety = request.extra().get("safety_settings");
        if (safety != null && safety.isArray()) {
            body.set("safetySettings", safety);
        }
        ObjectNode config = generationConfig(request);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body;
    }

    private static void putTools(ObjectNode body, ChatRequest r) {
        if (r.tools() == null || r.tools().isEmpty()) {
            return;
        }
        ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
        for (Tool t : r.tools()) {
            ObjectNode d = declarations.addObject().put("name", t.function().name());
            if (t.function().description() != null) {
                d.put("description", t.function().description());
            }
            if (t.function().parameters() instanceof ObjectNode params && params.size() > 0) {
                d.set("parameters", cleanSchema(params));
            }
        }
        ObjectNode calling = functionCallingConfig(r.toolChoice());
        if (calling != null) {
            body.putObject("toolConfig").set("functionCallingConfig", calling);
        }
    }

    /** auto→AUTO, none→NONE, required→ANY, a named function→ANY limited to that name; null when unset. */
    static ObjectNode functionCallingConfig(ToolChoice choice) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        if (choice instanceof ToolChoice.OfMode m) {
            c.put("mode", switch (m.mode()) {
                case AUTO -> "AUTO";
                case NONE -> "NONE";
                case REQUIRED -> "ANY";
            });
            return c;
        }
        if (choice instanceof ToolChoice.Named n) {
            c.put("mode", "ANY").putArray("allowedFunctionNames").add(n.functionName());
            return c;
        }
        return null;
    }

    /** A deep copy of a JSON schema without the keywords Gemini rejects. */
    static JsonNode cleanSchema(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            normaliseType(o);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (UNSUPPORTED_SCHEMA_KEYS.contains(e.getKey())) {
                    it.remove();
                } else if ("properties".equals(e.getKey()) && e.getValue().isObject()) {
                    e.getValue().forEach(GeminiRequests::strip); // keys here are property names, kept
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(GeminiRequests::strip);
        }
    }

    /**
     * Gemini's schema takes one {@code type} and {@code nullable}: {@code ["string","null"]} becomes
     * {@code "string"} with {@code nullable: true}, several types an {@code anyOf}. Of the string formats
     * only {@code enum} and {@code date-time} are accepted; others are dropped.
     */
    private static void normaliseType(ObjectNode o) {
        JsonNode type = o.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    named.add(t.asText());
                }
            });
            o.remove("type");
            if (named.size() < types.size()) {
                o.put("nullable", true);
            }
            if (named.size() == 1) {
                o.put("type", named.get(0));
            } else if (named.size() > 1) {
                ArrayNode anyOf = o.putArray("anyOf");
                named.forEach(t -> anyOf.addObject().put("type", t));
            }
        }
        JsonNode format = o.get("format");
        if (format != null && "string".equals(o.path("type").asText())
                && !STRING_FORMATS.contains(format.asText())) {
            o.remove("format");
        }
    }

    private static ObjectNode generationConfig(ChatRequest r) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        putIf(c, "temperature", r.temperature());
        putIf(c, "topP", r.topP());
        if (r.maxOutputTokens() != null) {
            c.put("maxOutputTokens", r.maxOutputTokens());
        }
        if (r.stop() != null && !r.stop().isEmpty()) {
            c.set("stopSequences", Json.MAPPER.valueToTree(r.stop()));
        }
        if (r.n() != null) {
            c.put("candidateCount", r.n());
        }
        if (r.seed() != null) {
            c.put("seed", r.seed());
        }
        copyExtra(c, r, "presence_penalty", "presencePenalty");
        copyExtra(c, r, "frequency_penalty", "frequencyPenalty");
        copyExtra(c, r, "top_k", "topK");
        putResponseFormat(c, r.responseFormat());
        JsonNode effort = r.extra().get("reasoning_effort");
        if (effort != null && effort.isTextual()) {
            c.set("thinkingConfig", thinkingConfig(effort.textValue()));
        }
        return c;
    }

    /** LiteLLM's budgets: none/disable 0, minimal 128, low 1024, medium 2048, high 4096; thoughts included. */
    static ObjectNode thinkingConfig(String effort) {
        int budget = switch (effort) {
            case "none", "disable" -> 0;
            case "minimal" -> 128;
            case "low" -> 1024;
            case "medium" -> 2048;
            case "high" -> 4096;
            default -> throw GatewayException.invalid("reasoning_effort",
                    "'reasoning_effort' must be one of none, minimal, low, medium, high.");
        };
        ObjectNode t = Json.MAPPER.createObjectNode().put("thinkingBudget", budget);
        if (budget > 0) {
            t.put("includeThoughts", true);
        }
        return t;
    }

    private static void putResponseFormat(ObjectNode c, ResponseFormat format) {
        if (format == null || !(format.isJsonObject() || format.isJsonSchema())) {
            return;
        }
        c.put("responseMimeType", "application/json");
        if (format.isJsonSchema() && format.jsonSchema() != null && format.jsonSchema().schema() != null) {
            c.set("responseSchema", cleanSchema(format.jsonSchema().schema()));
        }
    }

    private static void putIf(ObjectNode c, String name, Double value) {
        if (value != null) {
            c.put(name, value);
        }
    }

    private static void copyExtra(ObjectNode c, ChatRequest r, String openAiName, String geminiName) {
        JsonNode v = r.extra().get(openAiName);
        if (v != null && !v.isNull()) {
            c.set(geminiName, v);
        }
    }
}
