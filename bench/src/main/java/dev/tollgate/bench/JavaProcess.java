package dev.tollgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child JVM (mock or gateway) run with this JVM's own java binary, output sent to a log file. */
final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final long spawnNanos;

    private JavaProcess(String name, Process process, Path log, long spawnNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.spawnNanos = spawnNanos;
    }

    static JavaProcess start(String name, String classpath, List<String> jvmOptions, String mainClass,
                             List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long spawn = System.nanoTime();
        return new JavaProcess(name, builder.start(), log, spawn);
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    long spawnNanos() {
        return spawnNanos;
    }

    /**
     * Polls {@code GET path} on a fresh connection every 2 ms until it answers 200; returns the
     * {@link System#nanoTime()} of that answer.
     */
    long awaitHttp200(int port, String path, Duration timeout) throws IOException, InterruptedException {
        byte[] request = HttpConnection.get("127.0.0.1", port, path);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; log tail:\n" + logTail());
            }
            try (HttpConnection c = new HttpConnection("127.0.0.1", port, 5_000)) {
                if (c.exchange(request).status() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IOException(name + " did not answer 200 on " + path + " within " + timeout + "; log tail:\n"
                + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
