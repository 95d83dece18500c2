package dev.tollgate.router;

import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * What the router takes from its surroundings: time, randomness, waiting, and where cooldowns
 * are kept. Production uses {@link #system()}; tests pass fakes.
 */
public record RouterRuntime(InstantSource clock, RandomGenerator random, Sleeper sleeper, CooldownStore cooldowns) {

    /** The system clock, a thread-safe random source, real sleeps and cooldowns in this process. */
    public static RouterRuntime system() {
        return withCooldowns(new LocalCooldowns());
    }

    /** As {@link #system()}, with cooldowns kept in {@code store} (shared through Redis ...). */
    public static RouterRuntime withCooldowns(CooldownStore store) {
        return new RouterRuntime(InstantSource.system(), () -> ThreadLocalRandom.current().nextLong(), Sleeper.REAL,
                store);
    }
}
