package dev.tollgate.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically on the server. It is sent by its SHA-1 ({@code EVALSHA}); the full
 * source goes only when the server does not know it yet (first call, or after a restart/failover).
 */
public final class RedisScript {
    private final String source;
    private final String sha1;
    private final ScriptOutputType output;

    public RedisScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
        this.sha1 = sha1(source);
    }

    public <T> T run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha1, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, output, keys, args);
        }
    }

    String sha1() {
        return sha1;
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
