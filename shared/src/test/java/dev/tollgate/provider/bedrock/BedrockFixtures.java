package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.testing.Golden;
import dev.tollgate.testing.MockUpstream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Golden fixtures under {@code src/test/resources/bedrock/}, and deployments pointed at a mock. */
final class BedrockFixtures {
    static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    private BedrockFixtures() {
    }

    private static final Golden GOLDEN = new Golden("bedrock");

    static JsonNode json(String resource) {
        return GOLDEN.json(resource);
    }

    static JsonNode tree(String json) {
        return Golden.tree(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A deployment of {@code modelId} calling {@code mock}, with static credentials and extra params. */
    static Deployment deployment(MockUpstream mock, String modelId, JsonNode extraParams) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("aws_region_name", TextNode.valueOf("eu-west-1"));
        params.put("aws_access_key_id", TextNode.valueOf("AKIDTEST"));
        params.put("aws_secret_access_key", TextNode.valueOf("secret"));
        params.put("aws_bedrock_runtime_endpoint", TextNode.valueOf(mock.root()));
        if (extraParams != null) {
            extraParams.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        }
        return new Deployment("claude", ProviderKind.BEDROCK, modelId, null, null, null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), null, null, null, null, params,
                new ModelInfo("dep-bedrock-" + modelId, null, null, null, null, "chat"));
    }

    static ProviderCall call(Deployment d, JsonNode request) {
        return new ProviderCall(ChatRequestReader.read(request), d, null, d.timeout(), d.streamTimeout(), "req-1");
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
