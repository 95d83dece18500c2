package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testing.AnthropicWire;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.TestConfigs;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** litellm_settings.drop_params: a parameter the provider cannot take is a 400, or silently dropped. */
class DropParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITH_SEED = "{\"model\":\"claude\",\"seed\":42,\"temperature\":0.3,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void rejectsParameterTheProviderCannotTakeNamingIt() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new AnthropicWire());
             TestGateway gw = new TestGateway(TestConfigs.config(List.of(TestConfigs.deployment("claude", mock)),
                     TestGateway.MASTER_KEY, false))) {
            HttpResponse<String> r = gw.post("/v1/chat/completions", WITH_SEED);
            assertEquals(400, r.statusCode(), r.body());
            JsonNode error = JSON.readTree(r.body()).path("error");
            assertEquals("seed", error.path("param").asText());
            assertTrue(error.path("message").asText().contains("drop_params"));
            assertTrue(mock.requests().isEmpty());
        }
    }

    @Test
    void dropsItWhenConfiguredAndKeepsTheRest() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new AnthropicWire());
             TestGateway gw = new TestGateway(TestConfigs.config(List.of(TestConfigs.deployment("claude", mock)),
                     TestGateway.MASTER_KEY, true))) {
            HttpResponse<String> r = gw.post("/v1/chat/completions", WITH_SEED);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode sent = mock.lastRequest().body();
            assertFalse(sent.has("seed"), sent.toString());
            assertEquals(0.3, sent.path("temperature").asDouble());
        }
    }
}
