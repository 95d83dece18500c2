package dev.tollgate.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A throwaway RSA key pair and the Google service-account JSON around it, for Vertex AI tests. */
public final class ServiceAccountKeys {
    private static final KeyPair PAIR = generate();

    private ServiceAccountKeys() {
    }

    public static KeyPair pair() {
        return PAIR;
    }

    /** A service-account key whose token_uri is {@code tokenUri}. */
    public static String credentialsJson(String tokenUri) {
        ObjectNode json = GeminiWire.JSON.createObjectNode().put("type", "service_account")
                .put("project_id", "mock-project").put("private_key_id", "k1")
                .put("private_key", pem()).put("client_email", "gateway@mock-project.iam.gserviceaccount.com")
                .put("token_uri", tokenUri);
        return json.toString();
    }

    private static String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PAIR.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
