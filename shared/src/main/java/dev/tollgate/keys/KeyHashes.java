package dev.tollgate.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Virtual keys and what is stored of them. A key is {@code sk-} and {@value #RANDOM_CHARS} base62
 * characters from {@link SecureRandom} (about 256 bits); only its SHA-256 (lowercase hex, LiteLLM's
 * {@code token}) is stored, and a masked form ({@code sk-...f3Qa}) for display.
 */
public final class KeyHashes {
    public static final String PREFIX = "sk-";
    public static final int RANDOM_CHARS = 43;
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashes() {
    }

    /** A new key; shown to its owner once, never stored. */
    public static String newKey() {
        StringBuilder key = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return key.toString();
    }

    /** SHA-256 of the key's UTF-8 bytes, lowercase hex. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /**
     * The stored hash for what an admin caller gave: a plain key ({@code sk-...}) is hashed, a
     * 64-character lowercase hex string is taken as a hash already (LiteLLM accepts both).
     */
    public static String hashOfKeyOrHash(String keyOrHash) {
        return isHash(keyOrHash) ? keyOrHash : hash(keyOrHash);
    }

    public static boolean isHash(String s) {
        return s != null && HASH.matcher(s).matches();
    }

    /** LiteLLM's {@code key_name}: {@code sk-...} and the last four characters. */
    public static String mask(String key) {
        return PREFIX + "..." + key.substring(Math.max(0, key.length() - 4));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
