package dev.tollgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link LoadSpec}: a small pool of platform threads, each owning one blocking keep-alive
 * connection (the cheapest client there is, so on a shared 2-core box the client does not dominate).
 * Warm-up first, then the measured window; every response is checked for a 200 and a whole body.
 */
final class LoadGenerator {
    private static final int TIMEOUT_MILLIS = 10_000;
    /**
     * A request due in the window is still sent after the window closed if it is less than this late
     * (one due in its last microseconds, say); one later than that counts as never sent.
     */
    private static final long LATE_LIMIT_NANOS = 100_000_000;
    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK = "chat.completion.chunk".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPLETION = "\"chat.completion\"".getBytes(StandardCharsets.US_ASCII);

    private final LoadSpec spec;
    private final CpuMeter cpu;
    private final AtomicLong slots = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private long startNanos;
    private long measureNanos;
    private long endNanos;

    private LoadGenerator(LoadSpec spec, CpuMeter cpu) {
        this.spec = spec;
        this.cpu = cpu;
    }

    static LoadResult run(LoadSpec spec, CpuMeter cpu) throws InterruptedException {
        return new LoadGenerator(spec, cpu).run();
    }

    private LoadResult run() throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(spec.connections());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < spec.connections(); i++) {
            Worker w = new Worker();
            workers.add(w);
            threads.add(Thread.ofPlatform().name("load-" + i).daemon().start(() -> w.work(connected, go)));
        }
        connected.await();
        startNanos = System.nanoTime() + 1_000_000;
        measureNanos = startNanos + spec.warmup().toNanos();
        endNanos = measureNanos + spec.duration().toNanos();
        go.countDown();
        sleepUntil(measureNanos);
        CpuMeter.Snapshot before = cpu.snapshot();
        sleepUntil(endNanos);
        CpuMeter.Snapshot after = cpu.snapshot();
        for (Thread t : threads) {
            t.join();
        }
        Histogram total = new Histogram();
        Histogram firstByte = new Histogram();
        Histogram lag = new Histogram();
        long ok = 0;
        long errors = 0;
        for (Worker w : workers) {
            total.add(w.total);
            firstByte.add(w.firstByte);
            lag.add(w.lag);
            ok += w.ok;
            errors += w.errors;
        }
        long unsent = spec.openLoop() ? scheduledInWindow() - ok - errors : 0;
        String problem = firstError.get();
        if (unsent > 0) {
            errors += unsent;
            problem = unsent + " requests due in the measured window were never sent: every connection was still "
                    + "waiting for an answer when the window closed" + (problem == null ? "" : "; first failure: " + problem);
        }
        return new LoadResult(spec, total, firstByte, lag, ok, errors, spec.duration().toNanos() / 1e9, problem,
                CpuMeter.between(before, after));
    }

    /**
     * How many requests the open-loop schedule puts in the measured window. Those a server too slow to
     * keep up never let the client send are errors too, or a stalled run would report no errors at all.
     */
    private long scheduledInWindow() {
        double periodNanos = 1e9 / spec.rate();
        long n = 0;
        for (long slot = 0; ; slot++) {
            long intended = startNanos + (long) (slot * periodNanos);
            if (intended >= endNanos) {
                return n;
            }
            if (intended >= measureNanos) {
                n++;
            }
        }
    }

    private static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private final class Worker {
        final Histogram total = new Histogram();
        final Histogram firstByte = new Histogram();
        final Histogram lag = new Histogram();
        long ok;
        long errors;
        private HttpConnection connection;

        void work(CountDownLatch connected, CountDownLatch go) {
            try {
                connection = connect();
            } catch (IOException e) {
                connection = null;
            }
            connected.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            double periodNanos = spec.openLoop() ? 1e9 / spec.rate() : 0;
            while (true) {
                long intended;
                if (spec.openLoop()) {
                    intended = startNanos + (long) (slots.getAndIncrement() * periodNanos);
                    if (intended >= endNanos) {
                        break;
                    }
                    sleepUntil(intended);
                } else {
                    intended = System.nanoTime();
                }
                long start = System.nanoTime();
                if (start >= endNanos && (!spec.openLoop() || start - intended > LATE_LIMIT_NANOS)) {
                    break;
                }
                sendOne(intended, start, intended >= measureNanos);
            }
            if (connection != null) {
                connection.close();
            }
        }

        private void sendOne(long intended, long start, boolean measured) {
            try {
                if (connection == null) {
                    connection = connect();
                }
                ResponseReader r = connection.exchange(spec.request());
                long end = System.nanoTime();
                String problem = check(r);
                if (!r.keepAlive()) {
                    connection.close();
                    connection = null;
                }
                if (!measured) {
                    return;
                }
                if (problem == null) {
                    ok++;
                    total.record(end - start);
                    firstByte.record(r.firstBodyByteNanos() - start);
                    lag.record(start - intended);
                } else {
                    errors++;
                    firstError.compareAndSet(null, problem);
                }
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                if (measured) {
                    errors++;
                    firstError.compareAndSet(null, e.toString());
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        private HttpConnection connect() throws IOException {
            return new HttpConnection(spec.host(), spec.port(), TIMEOUT_MILLIS);
        }
    }

    private String check(ResponseReader r) {
        if (r.status() != 200) {
            return "HTTP " + r.status() + ": " + r.bodyText(300);
        }
        if (spec.stream()) {
            return r.bodyContains(CHUNK) && r.bodyContains(DONE) ? null : "incomplete stream";
        }
        return r.bodyContains(COMPLETION) ? null : "not a chat.completion";
    }
}
