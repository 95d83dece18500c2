package dev.tollgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRuntimeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void startsOnAFreePortAnswersReadinessAndServesACompletion() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire());
             LocalRuntime runtime = LocalRuntime.start(
                     TestConfigs.config(List.of(TestConfigs.deployment("gpt-local", mock)), null, false),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dataDir)) {
            assertEquals(200, get(runtime, "/health/readiness").statusCode());
            assertTrue(Files.isDirectory(dataDir.resolve("dynamodb")));
            assertTrue(runtime.dynamo().listTables().tableNames().containsAll(List.of(LocalTables.MAIN, LocalTables.SPEND)));

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(runtime, "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Hello from the mock."), answer.body());
        }
    }

    @Test
    void keyGeneratedThroughTheAdminApiIsServedChargedAndBlockedAtOnce() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire());
             LocalRuntime runtime = LocalRuntime.start(
                     TestConfigs.config(List.of(TestConfigs.deployment("gpt-local", mock)), "sk-local-master", false),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dataDir)) {
            HttpResponse<String> generated = post(runtime, "/key/generate", "sk-local-master", "{}");
            assertEquals(200, generated.statusCode(), generated.body());
            String key = Json.MAPPER.readTree(generated.body()).get("key").asText();
            String chat = "{\"model\":\"gpt-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

            assertEquals(200, post(runtime, "/v1/chat/completions", key, chat).statusCode());
            DynamoKeyStore store = new DynamoKeyStore(runtime.dynamo(), LocalTables.MAIN);
            assertEquals(1, store.keyByHash(KeyHashes.hash(key)).orElseThrow().budget().spend().signum(),
                    "the call's cost is on the key's item");

            assertEquals(200, post(runtime, "/key/block", "sk-local-master", "{\"key\":\"" + key + "\"}").statusCode());
            assertEquals(401, post(runtime, "/v1/chat/completions", key, chat).statusCode(),
                    "a block made in this process is seen at once, not after the cache TTL");
        }
    }

    private HttpResponse<String> post(LocalRuntime runtime, String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(runtime, path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keysPersistAcrossARestartOnTheSameDataDirectory() throws Exception {
        var config = TestConfigs.config(List.of(), "sk-master", false);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        String key;
        try (LocalRuntime runtime = LocalRuntime.start(config, address, dataDir)) {
            HttpResponse<String> generated = http.send(HttpRequest.newBuilder(url(runtime, "/key/generate"))
                    .header("Authorization", "Bearer sk-master")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key_alias\":\"kept\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, generated.statusCode(), generated.body());
            key = Json.MAPPER.readTree(generated.body()).get("key").asText();
        }
        try (LocalRuntime runtime = LocalRuntime.start(config, address, dataDir)) {
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(url(runtime, "/key/info"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, info.statusCode(), info.body());
            assertEquals("kept", Json.MAPPER.readTree(info.body()).get("info").get("key_alias").asText());
        }
    }

    private HttpResponse<String> get(LocalRuntime runtime, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(runtime, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(LocalRuntime runtime, String path) {
        return URI.create("http://127.0.0.1:" + runtime.port() + path);
    }
}
