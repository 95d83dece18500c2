package dev.tollgate.limits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Limits counted in this process: {@code bin/local} without Redis, and the fallback when Redis does
 * not answer. One lock guards every subject, so checking a key and its team and counting the call
 * in both is one step; it is held for a few array reads, never across I/O. Subjects idle for a
 * whole window are forgotten once more than {@value #MAX_SUBJECTS} are held.
 */
public final class LocalRateLimiter implements RateLimiter {
    static final int MAX_SUBJECTS = 10_000;

    private static final class State {
        final SecondBuckets requests = new SecondBuckets();
        final SecondBuckets tokens = new SecondBuckets();
        long inFlight;
        long lastUsedSecond;
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, State> states = new HashMap<>();

    public LocalRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Admission acquire(List<Subject> subjects) {
        long now = clock.millis();
        long second = now / 1000;
        List<WindowCounts> counts = new ArrayList<>(subjects.size());
        List<State> held = new ArrayList<>(subjects.size());
        lock.lock();
        try {
            for (Subject s : subjects) {
                State st = state(s.id(), second);
                held.add(st);
                long[] r = st.requests.window(second);
                long[] t = st.tokens.window(second);
                counts.add(new WindowCounts(r[0], r[1], r[2], t[0], t[1], t[2], st.inFlight));
            }
            var refusal = Verdicts.refusal(subjects, counts, now);
            if (refusal != null) {
                return new Admission(null, Verdicts.status(subjects, counts, false, now), refusal);
            }
            for (int i = 0; i < subjects.size(); i++) {
                State st = held.get(i);
                st.requests.add(second, 1);
                st.inFlight++;
                st.lastUsedSecond = second;
            }
        } finally {
            lock.unlock();
        }
        return new Admission(new LocalLease(held), Verdicts.status(subjects, counts, true, now), null);
    }

    private final class LocalLease implements Lease {
        private final List<State> held;
        private boolean released;

        LocalLease(List<State> held) {
            this.held = held;
        }

        @Override
        public void release(long tokens) {
            long second = clock.millis() / 1000;
            lock.lock();
            try {
                if (released) {
                    return;
                }
                released = true;
                for (State st : held) {
                    st.inFlight--;
                    if (tokens > 0) {
                        st.tokens.add(second, tokens);
                    }
                    st.lastUsedSecond = second;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock. */
    private State state(String id, long second) {
        State st = states.get(id);
        if (st == null) {
            if (states.size() >= MAX_SUBJECTS) {
                states.values().removeIf(old -> old.inFlight == 0
                        && second - old.lastUsedSecond >= Verdicts.WINDOW_BUCKETS);
            }
            st = new State();
            st.lastUsedSecond = second;
            states.put(id, st);
        }
        return st;
    }
}
