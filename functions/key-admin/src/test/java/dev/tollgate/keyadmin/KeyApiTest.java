package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.KeyHashes;
import dev.tollgate.testing.TestDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyApiTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @Test
    void generateShowsThePlainKeyOnceAndStoresOnlyItsHash() throws Exception {
        AdminServer.Answer a = admin.generate("""
                {"key_alias":"ci","models":["gpt-4o","anthropic/*"],"max_budget":12.5,"budget_duration":"30d",
                 "rpm_limit":10,"tpm_limit":1000,"max_parallel_requests":2,"metadata":{"tenant_id":"t-1"}}""");
        String key = a.text("key");
        assertTrue(key.matches("sk-[0-9A-Za-z]{43}"), key);
        assertEquals(KeyHashes.hash(key), a.text("token"));
        assertEquals("sk-..." + key.substring(key.length() - 4), a.text("key_name"));
        assertEquals("ci", a.text("key_alias"));
        assertEquals(List.of("gpt-4o", "anthropic/*"), List.of(a.body().get("models").get(0).asText(),
                a.body().get("models").get(1).asText()));
        assertEquals("12.5", a.body().get("max_budget").decimalValue().toPlainString());
        assertEquals(10, a.body().get("rpm_limit").asInt());
        assertEquals("t-1", a.body().get("metadata").get("tenant_id").asText());
        assertEquals(0, a.body().get("spend").decimalValue().signum());
        assertTrue(a.body().get("expires").isNull());
        Instant reset = Instant.parse(a.text("budget_reset_at"));
        assertTrue(Duration.between(Instant.now(), reset).toDays() >= 29);

        String stored = TestDynamo.scan(admin.table).toString();
        assertFalse(stored.contains(key), "the plain key is stored somewhere");
        AdminServer.Answer info = admin.get("/key/info?key=" + key);
        assertEquals(200, info.status());
        assertFalse(info.body().get("info").has("key"));
    }

    @Test
    void moneyIsAnsweredAsAPlainNumber() throws Exception {
        AdminServer.Answer a = admin.generate("{\"max_budget\":10}");
        assertEquals("10", a.body().get("max_budget").toString());
        assertEquals("0.000125", admin.generate("{\"max_budget\":1.25e-4}").body().get("max_budget").toString());
    }

    @Test
    void durationSetsWhenTheKeyExpires() throws Exception {
        Instant before = Instant.now();
        AdminServer.Answer a = admin.generate("{\"duration\":\"30m\"}");
        Instant expires = Instant.parse(a.text("expires"));
        assertTrue(!expires.isBefore(before.plusSeconds(1800)) && expires.isBefore(Instant.now().plusSeconds(1801)),
                expires.toString());
    }

    @Test
    void infoTakesThePlainKeyOrItsHash() throws Exception {
        String key = admin.generate("{\"key_alias\":\"a\"}").text("key");
        AdminServer.Answer byKey = admin.get("/key/info?key=" + key);
        AdminServer.Answer byHash = admin.get("/key/info?key=" + KeyHashes.hash(key));
        assertEquals(200, byKey.status());
        assertEquals(key, byKey.text("key"));
        assertEquals(byKey.body().get("info"), byHash.body().get("info"));
        assertEquals("a", byHash.body().get("info").get("key_alias").asText());
    }

    @Test
    void infoOfAMissingKeyIsANotFound() throws Exception {
        AdminServer.Answer a = admin.get("/key/info?key=sk-nothere");
        assertEquals(404, a.status());
        assertFalse(a.body().toString().contains("sk-nothere"), "an unknown plain key is echoed in full");
    }

    @Test
    void updateChangesWhatItNamesKeepsTheRestAndClearsExplicitNulls() throws Exception {
        String key = admin.generate("{\"key_alias\":\"a\",\"rpm_limit\":5,\"max_budget\":3,\"models\":[\"m1\"]}")
                .text("key");
        AdminServer.Answer a = admin.post("/key/update", "{\"key\":\"" + key + "\",\"rpm_limit\":7,\"max_budget\":null}");
        assertEquals(200, a.status(), a.toString());
        assertEquals(7, a.body().get("rpm_limit").asInt());
        assertTrue(a.body().get("max_budget").isNull());
        assertEquals("a", a.text("key_alias"));
        assertEquals("m1", a.body().get("models").get(0).asText());
        assertEquals(List.of(KeyHashes.hash(key)), admin.changedKeys);
        assertEquals(7, admin.get("/key/info?key=" + key).body().get("info").get("rpm_limit").asInt());
    }

    @Test
    void updateOfAMissingKeyIsANotFound() throws Exception {
        assertEquals(404, admin.post("/key/update", "{\"key\":\"sk-missing\",\"rpm_limit\":1}").status());
    }

    @Test
    void blockAndUnblockFlipTheFlagAndTellTheCache() throws Exception {
        String key = admin.generate("{}").text("key");
        AdminServer.Answer blocked = admin.post("/key/block", "{\"key\":\"" + key + "\"}");
        assertEquals(200, blocked.status());
        assertTrue(blocked.body().get("blocked").asBoolean());
        assertTrue(admin.get("/key/info?key=" + key).body().get("info").get("blocked").asBoolean());
        AdminServer.Answer unblocked = admin.post("/key/unblock", "{\"key\":\"" + KeyHashes.hash(key) + "\"}");
        assertFalse(unblocked.body().get("blocked").asBoolean());
        assertEquals(List.of(KeyHashes.hash(key), KeyHashes.hash(key)), admin.changedKeys);
        assertEquals(404, admin.post("/key/block", "{\"key\":\"sk-missing\"}").status());
    }

    @Test
    void deleteByKeysAndByAliasesNamesWhatItDeleted() throws Exception {
        String first = admin.generate("{\"key_alias\":\"first\"}").text("key");
        admin.generate("{\"key_alias\":\"second\"}");
        AdminServer.Answer byKey = admin.post("/key/delete", "{\"keys\":[\"" + first + "\"]}");
        assertEquals(200, byKey.status());
        assertEquals(first, byKey.body().get("deleted_keys").get(0).asText());
        AdminServer.Answer byAlias = admin.post("/key/delete", "{\"key_aliases\":[\"second\"]}");
        assertEquals("second", byAlias.body().get("deleted_keys").get(0).asText());
        assertEquals(List.of(), TestDynamo.scan(admin.table));
        assertEquals(404, admin.get("/key/info?key=" + first).status());
    }

    @Test
    void deletingAMissingKeyIsANotFoundAndDeletesNothing() throws Exception {
        String key = admin.generate("{}").text("key");
        AdminServer.Answer a = admin.post("/key/delete", "{\"keys\":[\"" + key + "\",\"sk-missing\"]}");
        assertEquals(404, a.status());
        assertEquals(200, admin.get("/key/info?key=" + key).status());
        assertEquals(404, admin.post("/key/delete", "{\"key_aliases\":[\"nope\"]}").status());
    }

    @Test
    void regenerateIssuesANewKeyAndTheOldOneStopsWorking() throws Exception {
        String old = admin.generate("{\"key_alias\":\"ci\",\"rpm_limit\":3}").text("key");
        AdminServer.Answer a = admin.post("/key/regenerate", "{\"key\":\"" + old + "\"}");
        assertEquals(200, a.status(), a.toString());
        String fresh = a.text("key");
        assertNotEquals(old, fresh);
        assertEquals(KeyHashes.hash(fresh), a.text("token"));
        assertEquals("ci", a.text("key_alias"));
        assertEquals(3, a.body().get("rpm_limit").asInt());
        assertEquals(404, admin.get("/key/info?key=" + old).status());
        assertEquals(401, admin.get("/key/info", old).status());
        assertEquals(200, admin.get("/key/info", fresh).status());
        assertEquals(List.of(KeyHashes.hash(old)), admin.changedKeys);
        assertEquals(KeyHashes.hash(fresh), admin.get("/key/list?key_alias=ci").body().get("keys").get(0).asText());
    }

    @Test
    void regenerateByPathTakesOptionalChanges() throws Exception {
        String old = admin.generate("{}").text("key");
        AdminServer.Answer bare = admin.post("/key/" + old + "/regenerate", "");
        assertEquals(200, bare.status(), bare.toString());
        AdminServer.Answer changed = admin.post("/key/" + bare.text("key") + "/regenerate", "{\"max_budget\":4}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(4, changed.body().get("max_budget").asInt());
        assertEquals(404, admin.post("/key/" + old + "/regenerate", "").status());
    }
}
