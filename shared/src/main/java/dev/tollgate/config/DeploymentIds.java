package dev.tollgate.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a deployment whose {@code model_info.id} is not set: the first 16 hex digits of a
 * SHA-256 over what identifies it (model name, provider, upstream model, base URL, position in
 * model_list). The same config gives the same ids on every start, so spend, cooldowns and
 * latency stats keyed by id survive restarts. The key is deliberately not an input.
 */
final class DeploymentIds {
    private static final int HEX_DIGITS = 16;

    private DeploymentIds() {
    }

    static String generate(String modelName, ProviderKind provider, String upstreamModel, URI apiBase, int index) {
        String input = String.join("\u0000", modelName, provider.prefix(), upstreamModel,
                String.valueOf(apiBase), Integer.toString(index));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
