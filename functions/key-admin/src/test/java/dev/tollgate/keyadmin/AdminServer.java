package dev.tollgate.keyadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.TestDynamo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The key-admin routes on a real HTTP server over a fresh DynamoDB Local table, with a master key,
 * and a listener that records what it was told. As a field with {@code @RegisterExtension} it
 * starts before each test and stops after it; {@link #start} starts one by hand.
 */
final class AdminServer implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static final String MASTER = "sk-master-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<String> changedKeys = new CopyOnWriteArrayList<>();
    final List<String> changedTeams = new CopyOnWriteArrayList<>();
    private final String masterKey;
    private final Clock clock;
    String table;
    private HttpServerHost server;

    record Answer(int status, JsonNode body) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        /** The {@code param} of an OpenAI error body. */
        String param() {
            return body.path("error").path("param").asText(null);
        }
    }

    AdminServer() {
        this(MASTER, Clock.systemUTC());
    }

    private AdminServer(String masterKey, Clock clock) {
        this.masterKey = masterKey;
        this.clock = clock;
    }

    private AdminServer open() throws IOException {
        table = TestDynamo.freshTable();
        DynamoKeyStore store = new DynamoKeyStore(TestDynamo.client(), table);
        KeyChangeListener listener = new KeyChangeListener() {
            @Override
            public void keyChanged(String tokenHash) {
                changedKeys.add(tokenHash);
            }

            @Override
            public void teamChanged(String teamId) {
                changedTeams.add(teamId);
            }
        };
        Routes routes = KeyAdminApp.register(new Routes(), TestConfigs.config(List.of(), masterKey, false), store,
                listener, clock);
        server = HttpServerHost.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), routes);
        return this;
    }

    static AdminServer start() throws IOException {
        return new AdminServer().open();
    }

    static AdminServer start(String masterKey, Clock clock) throws IOException {
        return new AdminServer(masterKey, clock).open();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    Answer post(String path, String json) throws Exception {
        return post(path, json, MASTER);
    }

    Answer post(String path, String json, String bearer) throws Exception {
        return send(request(path, bearer).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path) throws Exception {
        return get(path, MASTER);
    }

    Answer get(String path, String bearer) throws Exception {
        return send(request(path, bearer).GET());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json");
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(r.body()));
    }

    /** Makes a key with these request fields (JSON object text) and returns the answer, asserting 200. */
    Answer generate(String json) throws Exception {
        Answer a = post("/key/generate", json);
        if (a.status() != 200) {
            throw new AssertionError("/key/generate " + json + " -> " + a);
        }
        return a;
    }

    @Override
    public void close() {
        server.close();
    }
}
