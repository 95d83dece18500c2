package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.testing.BedrockWire;
import dev.tollgate.testing.MockUpstream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

class BedrockClientsTest {

    @Test
    void usesStaticSessionCredentialsWhenGiven() {
        var creds = BedrockClients.credentials(Map.of("aws_access_key_id", TextNode.valueOf("AKID"),
                "aws_secret_access_key", TextNode.valueOf("s"), "aws_session_token", TextNode.valueOf("tok")))
                .resolveCredentials();
        assertTrue(creds instanceof AwsSessionCredentials);
        assertEquals("AKID", creds.accessKeyId());
    }

    @Test
    void rejectsAKeyIdWithoutItsSecretNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BedrockClients.credentials(Map.of("aws_access_key_id", TextNode.valueOf("AKID"))));
        assertTrue(e.getMessage().contains("aws_secret_access_key"), e.getMessage());
    }

    @Test
    void takesTheRegionFromAwsRegionName() {
        assertEquals(Region.EU_CENTRAL_1, BedrockClients.region(Map.<String, JsonNode>of("aws_region_name",
                TextNode.valueOf("eu-central-1"))));
    }

    @Test
    void rejectsARelativeRuntimeEndpointNamingTheSetting() {
        try (MockUpstream mock = MockUpstream.start(new BedrockWire())) {
            var d = BedrockFixtures.deployment(mock, "m",
                    BedrockFixtures.tree("{\"aws_bedrock_runtime_endpoint\":\"bedrock.local\"}"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BedrockClients.endpoint(d));
            assertTrue(e.getMessage().startsWith("aws_bedrock_runtime_endpoint"), e.getMessage());
        }
    }
}
