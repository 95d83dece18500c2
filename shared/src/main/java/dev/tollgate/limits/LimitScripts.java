package dev.tollgate.limits;

import dev.tollgate.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;

/**
 * The Lua behind {@link RedisRateLimiter}. Per subject three keys: a hash of requests per second,
 * a hash of tokens per second (field = epoch second, as in {@link SecondBuckets}) and a sorted set
 * of parallel-slot leases (member = lease id, score = expiry in epoch milliseconds). A limit given
 * as {@code -1} is not checked and its key not touched.
 */
final class LimitScripts {
    private LimitScripts() {
    }

    /**
     * KEYS: per subject requests, tokens, leases. ARGV: now ms, lease ms, lease id, then per subject
     * rpm, tpm, max parallel. Returns {admitted (1/0), then per subject the seven counts of
     * {@link WindowCounts} as they were before this call}. Admitting counts one request in every
     * subject with an rpm limit and adds the lease to every subject with a parallel limit.
     */
    static final RedisScript ACQUIRE = new RedisScript("""
            local now = tonumber(ARGV[1])
            local lease_ms = tonumber(ARGV[2])
            local second = math.floor(now / 1000)
            local first = second - 60
            local function window(key)
              local sum, oldest, newest = 0, -1, -1
              local all = redis.call('HGETALL', key)
              for i = 1, #all, 2 do
                local b = tonumber(all[i])
                if b < first then
                  redis.call('HDEL', key, all[i])
                elseif b <= second then
                  sum = sum + tonumber(all[i + 1])
                  if oldest < 0 or b < oldest then oldest = b end
                  if b > newest then newest = b end
                end
              end
              return sum, oldest, newest
            end
            local n = #KEYS / 3
            local out = {1}
            local admitted = true
            for i = 1, n do
              local rpm = tonumber(ARGV[3 * i + 1])
              local tpm = tonumber(ARGV[3 * i + 2])
              local par = tonumber(ARGV[3 * i + 3])
              local r, ro, rn, t, to, tn, f = 0, -1, -1, 0, -1, -1, 0
              if rpm >= 0 then r, ro, rn = window(KEYS[3 * i - 2]) end
              if tpm >= 0 then t, to, tn = window(KEYS[3 * i - 1]) end
              if par >= 0 then
                redis.call('ZREMRANGEBYSCORE', KEYS[3 * i], '-inf', now)
                f = redis.call('ZCARD', KEYS[3 * i])
              end
              if (par >= 0 and f >= par) or (rpm >= 0 and r >= rpm) or (tpm >= 0 and t >= tpm) then
                admitted = false
              end
              for _, v in ipairs({r, ro, rn, t, to, tn, f}) do out[#out + 1] = v end
            end
            if not admitted then
              out[1] = 0
              return out
            end
            for i = 1, n do
              if tonumber(ARGV[3 * i + 1]) >= 0 then
                redis.call('HINCRBY', KEYS[3 * i - 2], second, 1)
                redis.call('PEXPIRE', KEYS[3 * i - 2], 62000)
              end
              if tonumber(ARGV[3 * i + 3]) >= 0 then
                redis.call('ZADD', KEYS[3 * i], now + lease_ms, ARGV[3])
                redis.call('PEXPIRE', KEYS[3 * i], lease_ms + 1000)
              end
            end
            return out
            """, ScriptOutputType.MULTI);

    /**
     * KEYS: the leases of the subjects holding a slot, then the token hashes of those with a tpm
     * limit. ARGV: now ms, lease id, tokens, how many KEYS are leases.
     */
    static final RedisScript RELEASE = new RedisScript("""
            local leases = tonumber(ARGV[4])
            for i = 1, leases do redis.call('ZREM', KEYS[i], ARGV[2]) end
            local tokens = tonumber(ARGV[3])
            if tokens > 0 then
              local second = math.floor(tonumber(ARGV[1]) / 1000)
              for i = leases + 1, #KEYS do
                redis.call('HINCRBY', KEYS[i], second, tokens)
                redis.call('PEXPIRE', KEYS[i], 62000)
              end
            end
            return 0
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS: lease sets; ARGV: new expiry ms, key TTL ms, then the lease id held in each KEYS entry.
     * Extends leases that still exist (one that expired stays gone: its slot may be taken already).
     */
    static final RedisScript RENEW = new RedisScript("""
            for i = 1, #KEYS do
              redis.call('ZADD', KEYS[i], 'XX', ARGV[1], ARGV[i + 2])
              redis.call('PEXPIRE', KEYS[i], ARGV[2])
            end
            return 0
            """, ScriptOutputType.INTEGER);
}
