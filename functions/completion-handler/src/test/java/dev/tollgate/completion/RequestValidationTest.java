package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a caller gets for bad input, and the endpoints around chat: never a stack trace, never a 500. */
class RequestValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MockUpstream mock;
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new OpenAiWire());
        gw = new TestGateway(TestConfigs.config(List.of(TestConfigs.deployment("gpt-test", mock),
                TestConfigs.deployment("other-model", mock)), TestGateway.MASTER_KEY, false, 4096));
    }

    @AfterAll
    static void stop() {
        gw.close();
        mock.close();
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode e = JSON.readTree(r.body()).path("error");
        assertTrue(e.has("message") && e.has("type") && e.has("param") && e.has("code"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"gpt-test\",\"messages\":[}|",
        "{\"model\":\"gpt-test\"}|messages",
        "{\"model\":\"gpt-test\",\"messages\":[]}|messages",
        "{\"model\":\"gpt-test\",\"messages\":\"hi\"}|messages",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|model",
        "{\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|model",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}|messages[0].role",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\"}]}|messages[0].content",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}|messages[0].content[0].image_url",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}|messages[0].tool_call_id",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}|temperature",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}|temperature",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1.5}|max_tokens",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}|stream",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":{}}|tools",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tool_choice\":\"sometimes\"}|tool_choice",
        "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"response_format\":{\"type\":\"xml\"}}|response_format.type",
        "[1,2,3]|",
    })
    void rejectsBadRequestNamingTheField(String body, String param) throws Exception {
        HttpResponse<String> r = gw.post("/v1/chat/completions", body);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode e = error(r);
        assertEquals("invalid_request_error", e.path("type").asText());
        if (param == null) {
            assertTrue(e.path("param").isNull(), r.body());
        } else {
            assertEquals(param, e.path("param").asText(), r.body());
            assertTrue(e.path("message").asText().contains(param), r.body());
        }
        assertTrue(mock.requests().isEmpty(), "nothing reaches the upstream");
    }

    @Test
    void pointsMalformedJsonAtItsPosition() throws Exception {
        JsonNode e = error(gw.post("/v1/chat/completions", "{\"model\":\"gpt-test\",\n \"messages\": [}"));
        assertTrue(e.path("message").asText().contains("line 2"), e.toString());
    }

    @Test
    void rejectsOversizeBodyWith413() throws Exception {
        String big = "x".repeat(5000);
        HttpResponse<String> r = gw.post("/v1/chat/completions",
                "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}");
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(error(r).path("message").asText().contains("4096"));
    }

    @Test
    void rejectsOversizeChunkedBodyWith413() throws Exception {
        byte[] big = ("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "y".repeat(9000) + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestGateway.MASTER_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("request_too_large", error(r).path("code").asText());
    }

    @Test
    void acceptsChunkedBodyUnderTheLimit() {
        byte[] small = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestGateway.MASTER_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small))));
        assertEquals(200, r.statusCode(), r.body());
        mock.reset();
    }

    @Test
    void namesUnknownModelAndPointsToModelList() throws Exception {
        HttpResponse<String> r = gw.post("/chat/completions",
                "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals(400, r.statusCode());
        JsonNode e = error(r);
        assertTrue(e.path("message").asText().contains("'gpt-9'") && e.path("message").asText().contains("/v1/models"));
        assertEquals("model_not_found", e.path("code").asText());
    }

    @Test
    void listsConfiguredModelsWithAndWithoutPrefix() throws Exception {
        for (String path : new String[] {"/v1/models", "/models"}) {
            JsonNode body = JSON.readTree(gw.get(path).body());
            assertEquals("list", body.path("object").asText());
            assertEquals(List.of("gpt-test", "other-model"),
                    List.of(body.path("data").path(0).path("id").asText(), body.path("data").path(1).path("id").asText()));
            assertEquals("model", body.path("data").path(0).path("object").asText());
        }
    }

    @Test
    void requiresTheMasterKey() throws Exception {
        String body = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpRequest.Builder noKey = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> missing = gw.send(noKey);
        assertEquals(401, missing.statusCode());
        assertEquals("authentication_error", error(missing).path("type").asText());
        HttpResponse<String> wrong = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + TestGateway.MASTER_KEY + "x"));
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> viaApiKeyHeader = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/models"))
                .header("api-key", TestGateway.MASTER_KEY));
        assertEquals(200, viaApiKeyHeader.statusCode());
    }

    @Test
    void answersHealthProbesWithoutAuth() {
        for (String path : new String[] {"/health/liveliness", "/health/liveness", "/health/readiness"}) {
            HttpResponse<String> r = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path)));
            assertEquals(200, r.statusCode(), path);
        }
    }

    @Test
    void answersUnknownRoutesAndMethodsInOpenAiErrorShape() throws Exception {
        HttpResponse<String> notFound = gw.get("/v1/nothing-here");
        assertEquals(404, notFound.statusCode());
        assertEquals("not_found_error", error(notFound).path("type").asText());
        HttpResponse<String> wrongMethod = gw.get("/v1/chat/completions");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(error(wrongMethod).path("message").asText().contains("POST"));
    }

    @Test
    void setsCallHeaders() {
        HttpResponse<String> r = gw.post("/v1/chat/completions",
                "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("gpt-test", r.headers().firstValue("x-tollgate-model-group").orElse(null));
        assertEquals("dep-gpt-test-openai", r.headers().firstValue("x-tollgate-model-id").orElse(null));
        assertEquals("0", r.headers().firstValue("x-tollgate-attempted-retries").orElse(null));
        assertTrue(r.headers().firstValue("x-tollgate-call-id").orElse("").length() >= 16);
        double overhead = Double.parseDouble(r.headers().firstValue("x-tollgate-overhead-ms").orElseThrow());
        double total = Double.parseDouble(r.headers().firstValue("x-tollgate-response-duration-ms").orElseThrow());
        assertTrue(overhead >= 0 && overhead <= total, overhead + " / " + total);
        mock.reset();
    }
}
