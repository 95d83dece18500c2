package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built Lambda package, run as Lambda runs it: unzip, start {@code run.sh} as its own process
 * (with the JDK running this test first on PATH), wait for readiness, then call it over HTTP.
 * One process serves every test; it must stop on SIGTERM at the end.
 */
class LambdaPackageIT {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String MASTER_KEY = "sk-package-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static MockUpstream upstream;
    private static Process process;
    private static Path output;
    private static int port;

    @BeforeAll
    static void startPackage() throws Exception {
        Path task = dir.resolve("task");
        unzipKeepingModes(Path.of(System.getProperty("lambda.zip")), task);
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(task.resolve("run.sh")));
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            assertTrue(jars.anyMatch(j -> j.getFileName().toString().startsWith("completion-handler-")), "module jar in lib/");
        }

        upstream = MockUpstream.start(new OpenAiWire());
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                model_list:
                  - model_name: mock-gpt
                    litellm_params:
                      model: openai/mock-model
                      api_base: %s
                      api_key: sk-upstream
                general_settings:
                  master_key: %s
                """.formatted(upstream.apiBase(), MASTER_KEY));

        port = freePort();
        output = dir.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(task.resolve("run.sh").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("LAMBDA_TASK_ROOT") || k.startsWith("TOLLGATE_"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PORT", Integer.toString(port));
        env.put("TOLLGATE_CONFIG", config.toString());
        process = pb.start();
        awaitReady();
    }

    @AfterAll
    static void stopPackage() throws Exception {
        try {
            if (process != null) {
                process.destroy(); // SIGTERM, as Lambda sends at shutdown
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("run.sh did not stop within 10 s of SIGTERM" + log());
                }
            }
        } finally {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Test
    void answersAChatCompletion() throws Exception {
        HttpResponse<String> r = chat(false);
        assertEquals(200, r.statusCode(), r.body() + log());
        assertEquals("Hello from the mock.", JSON.readTree(r.body()).at("/choices/0/message/content").asText(),
                r.body() + log());
        assertTrue(r.headers().firstValue("x-tollgate-call-id").isPresent(), "call id header");
    }

    @Test
    void streamsAChatCompletion() throws Exception {
        HttpResponse<String> r = chat(true);
        assertEquals(200, r.statusCode(), r.body() + log());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), r.headers().toString());
        SseEvents events = SseEvents.parse(r.body());
        assertTrue(events.endsWithDone(), r.body() + log());
        assertEquals("Hello from the mock.", events.content(), r.body() + log());
    }

    @Test
    void rejectsACallWithoutTheMasterKey() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body() + log());
    }

    private static HttpResponse<String> chat(boolean stream) throws Exception {
        String body = "{\"model\":\"mock-gpt\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        return HTTP.send(HttpRequest.newBuilder(url("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + MASTER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("run.sh exited with " + process.exitValue() + " before it was ready" + log());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health/readiness did not answer 200 within " + READY_WITHIN + log());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String log() {
        try {
            return "\n--- run.sh output ---\n" + (Files.exists(output) ? Files.readString(output) : "(none)");
        } catch (IOException e) {
            return "\n(run.sh output unreadable: " + e + ")";
        }
    }

    /** Extracts a zip, giving each file the Unix mode stored in the zip (as Lambda does). */
    private static void unzipKeepingModes(Path zip, Path target) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path out = target.resolve(fs.getPath("/").relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(entry, out);
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
                    Files.setPosixFilePermissions(out, mode);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
