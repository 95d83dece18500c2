package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.EmbeddingWire;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.ProviderWire;
import dev.tollgate.testing.ProviderWires;
import dev.tollgate.testing.TestConfigs;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /v1/embeddings} against every provider that embeds, through the real server. */
class EmbeddingsConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ProviderWire> wires() {
        return ProviderWires.all().stream().filter(w -> w instanceof EmbeddingWire);
    }

    private static TestGateway gateway(MockUpstream mock) {
        return new TestGateway(TestConfigs.config(List.of(TestConfigs.deployment("emb", mock)),
                TestGateway.MASTER_KEY, false));
    }

    private static void assertVector(JsonNode item, int i) {
        assertEquals("embedding", item.path("object").asText());
        assertEquals(i, item.path("index").asInt());
        JsonNode v = item.path("embedding");
        assertEquals(3, v.size());
        assertEquals(i + 0.5, v.get(0).asDouble(), 1e-6);
        assertEquals(-(i + 0.25), v.get(1).asDouble(), 1e-6);
        assertEquals(0.125, v.get(2).asDouble(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void embedsOneStringAndAListInOrderWithUsage(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            JsonNode one = JSON.readTree(gw.post("/v1/embeddings", "{\"model\":\"emb\",\"input\":\"hello\"}").body());
            assertEquals("list", one.path("object").asText(), one.toString());
            assertEquals(1, one.path("data").size());
            assertVector(one.path("data").path(0), 0);
            EmbeddingWire embedder = (EmbeddingWire) wire;
            int expected = embedder.expectedPromptTokens(List.of("hello"));
            assertEquals(expected, one.path("usage").path("prompt_tokens").asInt());
            assertEquals(expected, one.path("usage").path("total_tokens").asInt());

            HttpResponse<String> r = gw.post("/embeddings", "{\"model\":\"emb\",\"input\":[\"a\",\"b\",\"c\"]}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode three = JSON.readTree(r.body());
            for (int i = 0; i < 3; i++) {
                assertVector(three.path("data").path(i), i);
            }
            assertEquals(embedder.expectedPromptTokens(List.of("a", "b", "c")),
                    three.path("usage").path("prompt_tokens").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void encodesBase64AsLittleEndianFloats(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            JsonNode body = JSON.readTree(gw.post("/v1/embeddings",
                    "{\"model\":\"emb\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\"}").body());
            ByteBuffer second = ByteBuffer.wrap(Base64.getDecoder().decode(
                    body.path("data").path(1).path("embedding").asText())).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1.5f, second.getFloat());
            assertEquals(-1.25f, second.getFloat());
            assertEquals(0.125f, second.getFloat());
            assertEquals(0, second.remaining());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void mapsUpstreamErrors(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.fail(429, "too many embeddings"));
            HttpResponse<String> r = gw.post("/v1/embeddings", "{\"model\":\"emb\",\"input\":\"x\"}");
            assertEquals(429, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).path("error").path("message").asText().contains("too many"));
        }
    }
}
