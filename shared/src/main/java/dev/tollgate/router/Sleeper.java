package dev.tollgate.router;

import java.time.Duration;

/** Waits between retries; tests record the waits instead of making them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d);

    void sleep(Duration duration) throws InterruptedException;
}
