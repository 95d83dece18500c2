package dev.tollgate.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A Google service-account key: who signs ({@code client_email}), with what ({@code private_key},
 * PKCS#8 PEM) and where the signed assertion is exchanged ({@code token_uri}). Read once at start-up;
 * messages name the setting, never the key.
 */
record ServiceAccount(String clientEmail, PrivateKey privateKey, URI tokenUri) {
    static final String SETTING = "vertex_credentials";
    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

    @Override
    public String toString() {
        return "ServiceAccount[" + clientEmail + "]";
    }

    /** A key from {@code vertex_credentials}: the JSON itself, or the path of a JSON file. */
    static ServiceAccount fromSetting(JsonNode setting) {
        if (setting == null || setting.isNull() || (setting.isTextual() && setting.textValue().isBlank())) {
            throw new IllegalArgumentException(SETTING + " is not set (nor GOOGLE_APPLICATION_CREDENTIALS):"
                    + " vertex_ai needs a service-account key");
        }
        return parse(setting.isObject() ? setting : readJson(setting.asText().strip()));
    }

    private static JsonNode readJson(String text) {
        try {
            if (text.startsWith("{")) {
                return Json.MAPPER.readTree(text);
            }
            return Json.MAPPER.readTree(Files.readAllBytes(Path.of(text)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(SETTING + " is neither service-account JSON nor a readable JSON file"
                    + (looksLikePath(text) ? " (" + text + ")" : ""));
        }
    }

    /** Only a short one-line value may be echoed: anything else could be the key itself, mangled. */
    private static boolean looksLikePath(String text) {
        return text.length() <= 200 && text.chars().noneMatch(c -> c == '\n' || c == '"' || c == '{' || c == ' ');
    }

    static ServiceAccount parse(JsonNode json) {
        String email = json.path("client_email").asText("");
        String pem = json.path("private_key").asText("");
        if (email.isEmpty() || pem.isEmpty()) {
            throw new IllegalArgumentException(SETTING + " lacks client_email or private_key"
                    + " (a service-account key is needed; user credentials are not supported)");
        }
        URI tokenUri;
        try {
            tokenUri = URI.create(json.path("token_uri").asText(DEFAULT_TOKEN_URI));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SETTING + " has a token_uri that is not a URL");
        }
        return new ServiceAccount(email, privateKey(pem), tokenUri);
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(SETTING + " has a private_key that is not a PKCS#8 RSA key in PEM");
        }
    }
}
