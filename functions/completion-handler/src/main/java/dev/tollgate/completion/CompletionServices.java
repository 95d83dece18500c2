package dev.tollgate.completion;

import dev.tollgate.config.SecretSource;
import dev.tollgate.keys.KeyLookup;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.VirtualKey;
import dev.tollgate.limits.RedisRateLimiter;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.spend.SpendRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the completion routes need beyond the config, built by each runtime: the key store
 * (DynamoDB, DynamoDB Local), where tenants' named secrets come from, the shared Redis (null:
 * limits are counted in this process), where spend goes, the clock, and how long a parallel-slot
 * lease lives unrenewed (how soon a crashed instance's slot frees itself).
 */
public record CompletionServices(KeyLookup keyStore, SecretSource secrets, SharedRedis redis, SpendRecorder spend,
                                 Clock clock, Duration slotLease) {
    /** A store that knows no key: only the master key gets in. */
    public static final KeyLookup NO_KEYS = new KeyLookup() {
        @Override
        public Optional<VirtualKey> keyByHash(String tokenHash) {
            return Optional.empty();
        }

        @Override
        public Optional<Team> team(String teamId) {
            return Optional.empty();
        }
    };

    public CompletionServices {
        keyStore = keyStore == null ? NO_KEYS : keyStore;
        secrets = secrets == null ? name -> Optional.empty() : secrets;
        spend = spend == null ? SpendRecorder.NONE : spend;
        clock = clock == null ? Clock.systemUTC() : clock;
        slotLease = slotLease == null ? RedisRateLimiter.DEFAULT_LEASE : slotLease;
    }

    /** No key store, no secrets, no Redis, no spend: the master key (if any) is the only key. */
    public static CompletionServices none() {
        return new CompletionServices(NO_KEYS, null, null, null, null, null);
    }
}
