package dev.tollgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.VirtualKey;
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
import java.time.Instant;
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
    void servesAVirtualKeyStoredInItsDynamoDbAndRecordsTheSpendThere() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire());
             LocalRuntime runtime = LocalRuntime.start(
                     TestConfigs.config(List.of(TestConfigs.deployment("gpt-local", mock)), "sk-local-master", false),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dataDir)) {
            DynamoKeyStore store = new DynamoKeyStore(runtime.dynamo(), LocalTables.MAIN);
            String key = KeyHashes.newKey();
            store.createKey(new VirtualKey(KeyHashes.hash(key), KeyHashes.mask(key), null, null, null, List.of(), null,
                    null, null, false, null, Instant.now(), Instant.now()));

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(runtime, "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(1, store.keyByHash(KeyHashes.hash(key)).orElseThrow().budget().spend().signum(),
                    "the call's cost is on the key's item");
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(url(runtime, "/v1/models"))
                    .header("Authorization", "Bearer sk-unknown").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unknown.statusCode());
        }
    }

    private HttpResponse<String> get(LocalRuntime runtime, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(runtime, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(LocalRuntime runtime, String path) {
        return URI.create("http://127.0.0.1:" + runtime.port() + path);
    }
}
