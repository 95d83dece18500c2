package dev.tollgate.provider.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.ServiceAccountKeys;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAssertionTest {
    static ServiceAccount account() {
        return ServiceAccount.fromSetting(TextNode.valueOf(ServiceAccountKeys.credentialsJson("https://oauth2.example/token")));
    }

    @Test
    void signsWithRs256SoThePublicKeyVerifies() throws Exception {
        String jwt = JwtAssertion.sign(account(), Instant.ofEpochSecond(1_700_000_000L));
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(ServiceAccountKeys.pair().getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void claimsTheCloudPlatformScopeForAnHourAtTheTokenUri() throws Exception {
        String[] parts = JwtAssertion.sign(account(), Instant.ofEpochSecond(1_700_000_000L)).split("\\.");
        JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("gateway@mock-project.iam.gserviceaccount.com", claims.path("iss").asText());
        assertEquals("https://www.googleapis.com/auth/cloud-platform", claims.path("scope").asText());
        assertEquals("https://oauth2.example/token", claims.path("aud").asText());
        assertEquals(1_700_000_000L, claims.path("iat").asLong());
        assertEquals(1_700_003_600L, claims.path("exp").asLong());
    }

    @Test
    void rejectsUnusableCredentialsNamingTheSettingButNotTheKey() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccount.fromSetting(null));
        assertTrue(missing.getMessage().contains("vertex_credentials"));
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class, () -> ServiceAccount.fromSetting(
                TextNode.valueOf("{\"client_email\":\"a@b\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nSECRETSTUFF\\n\"}")));
        assertTrue(badKey.getMessage().contains("private_key"));
        assertFalse(badKey.getMessage().contains("SECRETSTUFF"));
        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccount.fromSetting(TextNode.valueOf("/nonexistent/sa.json")));
        assertTrue(noFile.getMessage().contains("vertex_credentials"));
    }
}
