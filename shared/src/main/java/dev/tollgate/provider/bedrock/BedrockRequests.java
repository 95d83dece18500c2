package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ResponseFormat;
import dev.tollgate.openai.Tool;
import dev.tollgate.openai.ToolChoice;
import dev.tollgate.provider.DeploymentParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * OpenAI chat request to a Converse request. The same fields serve Converse and ConverseStream.
 * Model-specific parameters (the request's {@code top_k}, the deployment's extra params) travel in
 * {@code additionalModelRequestFields}, which Bedrock hands to the model as they are.
 */
final class BedrockRequests {
    /** Request parameters Converse has no field for but most models take as an additional field. */
    static final Set<String> MODEL_FIELDS = Set.of("top_k");
    /** The forced tool that carries a {@code response_format} answer. */
    static final String JSON_TOOL_NAME = "json_tool_call";
    /** Deployment params that go to {@code inferenceConfig}, not to the additional fields. */
    static final Set<String> INFERENCE_PARAMS = Set.of("max_tokens", "max_completion_tokens", "temperature", "top_p",
            "stop");

    /** The fields of a Converse or ConverseStream request. */
    record Converse(String modelId, BedrockTurns.Conversation conversation, InferenceConfiguration inference,
                    ToolConfiguration tools, ObjectNode additionalFields, boolean jsonMode) {

        ConverseRequest toRequest() {
            ConverseRequest.Builder b = ConverseRequest.builder().modelId(modelId)
                    .messages(conversation.turns()).inferenceConfig(inference).toolConfig(tools);
            if (!conversation.system().isEmpty()) {
                b.system(conversation.system());
            }
            if (!additionalFields.isEmpty()) {
                b.additionalModelRequestFields(Documents.toDocument(additionalFields));
            }
            return b.build();
        }

        ConverseStreamRequest toStreamRequest() {
            ConverseStreamRequest.Builder b = ConverseStreamRequest.builder().modelId(modelId)
                    .messages(conversation.turns()).inferenceConfig(inference).toolConfig(tools);
            if (!conversation.system().isEmpty()) {
                b.system(conversation.system());
            }
            if (!additionalFields.isEmpty()) {
                b.additionalModelRequestFields(Documents.toDocument(additionalFields));
            }
            return b.build();
        }
    }

    private BedrockRequests() {
    }

    static Converse toConverse(ChatRequest request, Deployment deployment) {
        BedrockTurns.Conversation conversation = BedrockTurns.toConverse(request.messages());
        return new Converse(modelId(deployment, request), conversation, inference(request, deployment.params()),
                tools(request, conversation.usesTools()), additionalFields(request, deployment),
                jsonTool(request.responseFormat()) != null);
    }

    /** The deployment's model id; LiteLLM's {@code converse/} route prefix is dropped. */
    static String modelId(Deployment deployment, ChatRequest request) {
        String id = deployment.upstreamModel() != null ? deployment.upstreamModel() : request.model();
        return id.startsWith("converse/") ? id.substring("converse/".length()) : id;
    }

    /**
     * {@code inferenceConfig} from the request, the deployment's params filling what it leaves out
     * (LiteLLM users set {@code max_tokens} or {@code temperature} per deployment); null when empty.
     */
    static InferenceConfiguration inference(ChatRequest r, Map<String, JsonNode> params) {
        Integer maxTokens = r.maxOutputTokens() != null ? r.maxOutputTokens()
                : intParam(params, "max_completion_tokens") != null ? intParam(params, "max_completion_tokens")
                : intParam(params, "max_tokens");
        Double temperature = r.temperature() != null ? r.temperature() : doubleParam(params, "temperature");
        Double topP = r.topP() != null ? r.topP() : doubleParam(params, "top_p");
        List<String> stop = r.stop() != null ? r.stop() : stopParam(params.get("stop"));
        if (maxTokens == null && temperature == null && topP == null && (stop == null || stop.isEmpty())) {
            return null;
        }
        return InferenceConfiguration.builder().maxTokens(maxTokens)
                .temperature(temperature == null ? null : temperature.floatValue())
                .topP(topP == null ? null : topP.floatValue())
                .stopSequences(stop == null || stop.isEmpty() ? null : stop).build();
    }

    private static Integer intParam(Map<String, JsonNode> params, String name) {
        JsonNode v = params.get(name);
        return v != null && v.isNumber() ? v.intValue() : null;
    }

    private static Double doubleParam(Map<String, JsonNode> params, String name) {
        JsonNode v = params.get(name);
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    private static List<String> stopParam(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(s -> out.add(s.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    /**
     * {@code toolConfig}, or null. {@code tool_choice: none} has no Converse counterpart: the tools
     * are left out, unless earlier turns use tools (Converse then requires the tool list), in which
     * case they are sent without a choice.
     */
    static ToolConfiguration tools(ChatRequest r, boolean historyUsesTools) {
        ToolSpecification jsonTool = jsonTool(r.responseFormat());
        boolean none = r.toolChoice() instanceof ToolChoice.OfMode m && m.mode() == ToolChoice.Mode.NONE;
        List<software.amazon.awssdk.services.bedrockruntime.model.Tool> specs = new ArrayList<>();
        if (r.tools() != null && (!none || historyUsesTools)) {
            for (Tool t : r.tools()) {
                specs.add(software.amazon.awssdk.services.bedrockruntime.model.Tool.fromToolSpec(
                        toolSpec(t.function().name(), t.function().description(), t.function().parameters())));
            }
        }
        if (jsonTool != null) {
            specs.add(software.amazon.awssdk.services.bedrockruntime.model.Tool.fromToolSpec(jsonTool));
        }
        if (specs.isEmpty()) {
            return null;
        }
        ToolConfiguration.Builder b = ToolConfiguration.builder().tools(specs);
        if (jsonTool != null) {
            b.toolChoice(toolChoice(new ToolChoice.Named(JSON_TOOL_NAME)));
        } else if (!none && r.toolChoice() != null) {
            b.toolChoice(toolChoice(r.toolChoice()));
        }
        return b.build();
    }

    /**
     * LiteLLM's way to JSON output on Converse: {@code response_format} json_schema (its schema) or
     * json_object (any object) becomes a forced {@value #JSON_TOOL_NAME} tool whose input is the answer.
     * Null for text or no response_format.
     */
    static ToolSpecification jsonTool(ResponseFormat format) {
        if (format == null || !(format.isJsonSchema() || format.isJsonObject())) {
            return null;
        }
        ResponseFormat.JsonSchema js = format.jsonSchema();
        JsonNode schema = js == null ? null : js.schema();
        if (schema == null) {
            schema = Json.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", true);
        }
        return toolSpec(JSON_TOOL_NAME, js == null ? null : js.description(), schema);
    }

    private static ToolSpecification toolSpec(String name, String description, JsonNode parameters) {
        ObjectNode schema = parameters instanceof ObjectNode o ? o.deepCopy() : Json.MAPPER.createObjectNode();
        if (!schema.has("type")) {
            schema.put("type", "object");
        }
        if (!schema.has("properties") && "object".equals(schema.path("type").asText())) {
            schema.putObject("properties");
        }
        ToolSpecification.Builder b = ToolSpecification.builder().name(name)
                .inputSchema(ToolInputSchema.fromJson(Documents.toDocument(schema)));
        if (description != null && !description.isBlank()) {
            b.description(description);
        }
        return b.build();
    }

    static software.amazon.awssdk.services.bedrockruntime.model.ToolChoice toolChoice(ToolChoice choice) {
        return switch (choice) {
            case ToolChoice.Named n -> software.amazon.awssdk.services.bedrockruntime.model.ToolChoice
                    .fromTool(SpecificToolChoice.builder().name(n.functionName()).build());
            case ToolChoice.OfMode m when m.mode() == ToolChoice.Mode.REQUIRED ->
                    software.amazon.awssdk.services.bedrockruntime.model.ToolChoice.fromAny(AnyToolChoice.builder().build());
            case ToolChoice.OfMode m -> software.amazon.awssdk.services.bedrockruntime.model.ToolChoice
                    .fromAuto(AutoToolChoice.builder().build());
        };
    }

    /** The request's model fields ({@code top_k}) over the deployment's extra params. */
    static ObjectNode additionalFields(ChatRequest r, Deployment deployment) {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        r.extra().forEach((k, v) -> {
            if (MODEL_FIELDS.contains(k)) {
                fields.set(k, v);
            }
        });
        DeploymentParams.mergeInto(fields, deployment);
        fields.remove(INFERENCE_PARAMS);
        return fields;
    }
}
