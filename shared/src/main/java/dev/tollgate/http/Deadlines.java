package dev.tollgate.http;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces read deadlines on blocking upstream bodies. A JDK {@code InputStream} read has no timeout
 * of its own, so one daemon thread looks over the watched streams every few milliseconds and closes
 * any whose deadline has passed; the blocked read then fails and the reader sees
 * {@link Watch#expired()}. One thread for all streams: cheaper than a timer task per read.
 */
public final class Deadlines {
    private static final long TICK_MILLIS = 20;
    private static final Deadlines SHARED = new Deadlines();

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();

    private Deadlines() {
        Thread reaper = new Thread(this::reap, "tollgate-deadlines");
        reaper.setDaemon(true);
        reaper.start();
    }

    public static Deadlines shared() {
        return SHARED;
    }

    /** Starts watching {@code target}; the watch begins with no deadline set. */
    public Watch watch(Closeable target) {
        Watch w = new Watch(target);
        watched.add(w);
        return w;
    }

    private void reap() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch w : watched) {
                if (w.deadlineNanos != 0 && now - w.deadlineNanos > 0) {
                    w.expire();
                }
            }
        }
    }

    /** One watched stream. Not shared between threads except with the reaper. */
    public final class Watch implements AutoCloseable {
        private final Closeable target;
        private volatile long deadlineNanos;
        private volatile boolean expired;

        private Watch(Closeable target) {
            this.target = target;
        }

        /** Sets the deadline {@code nanos} from now, replacing any earlier one. */
        public void expireIn(long nanos) {
            long d = System.nanoTime() + nanos;
            deadlineNanos = d == 0 ? 1 : d;
        }

        public boolean expired() {
            return expired;
        }

        private void expire() {
            expired = true;
            watched.remove(this);
            try {
                target.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader learns of the expiry through expired(); nothing else to do here
            }
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
