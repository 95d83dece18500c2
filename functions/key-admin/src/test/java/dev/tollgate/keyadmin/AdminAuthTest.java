package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.KeyHashes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuthTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST,/key/generate", "POST,/key/update", "POST,/key/delete", "POST,/key/block", "POST,/key/unblock",
        "POST,/key/regenerate", "GET,/key/list", "POST,/team/new", "POST,/team/update", "GET,/team/info?team_id=x",
        "GET,/team/list", "POST,/team/delete", "POST,/user/new", "GET,/user/info?user_id=x", "POST,/user/update",
        "POST,/user/delete",
    })
    void everyAdminEndpointNeedsTheMasterKey(String method, String path) throws Exception {
        try (AdminServer admin = AdminServer.start()) {
            String virtual = admin.generate("{}").text("key");
            assertEquals(401, call(admin, method, path, null).status(), "no key");
            assertEquals(401, call(admin, method, path, "sk-wrong").status(), "unknown key");
            AdminServer.Answer asVirtual = call(admin, method, path, virtual);
            assertEquals(403, asVirtual.status(), "virtual key");
            assertEquals("permission_denied_error", asVirtual.body().get("error").get("type").asText());
        }
    }

    @Test
    void withoutAMasterKeyConfiguredTheAdminApiRefusesEveryCall() throws Exception {
        try (AdminServer admin = AdminServer.start(null, Clock.systemUTC())) {
            AdminServer.Answer a = admin.post("/key/generate", "{}", "anything");
            assertEquals(403, a.status());
            assertTrue(a.body().get("error").get("message").asText().contains("master_key"), a.toString());
            assertEquals(403, admin.get("/key/info?key=sk-x", null).status());
        }
    }

    @Test
    void aVirtualKeyReadsItsOwnInfoAndNothingElse() throws Exception {
        try (AdminServer admin = AdminServer.start()) {
            String mine = admin.generate("{\"key_alias\":\"mine\"}").text("key");
            String theirs = admin.generate("{\"key_alias\":\"theirs\"}").text("key");

            AdminServer.Answer own = admin.get("/key/info?key=" + mine, mine);
            assertEquals(200, own.status());
            assertEquals("mine", own.body().get("info").get("key_alias").asText());
            AdminServer.Answer implicit = admin.get("/key/info", mine);
            assertEquals(200, implicit.status());
            assertEquals(KeyHashes.hash(mine), implicit.text("key"));
            assertEquals(200, admin.get("/key/info?key=" + KeyHashes.hash(mine), mine).status());

            assertEquals(403, admin.get("/key/info?key=" + theirs, mine).status());
            assertEquals(403, admin.get("/key/info?key=sk-missing", mine).status());
            assertEquals(200, admin.get("/key/info?key=" + theirs).status(), "the master key reads any key");
        }
    }

    @Test
    void aBlockedOrExpiredKeyCannotReadItsInfo() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (AdminServer admin = AdminServer.start(AdminServer.MASTER, clock)) {
            String blocked = admin.generate("{\"blocked\":true}").text("key");
            assertEquals(403, admin.get("/key/info", blocked).status());
            String shortLived = admin.generate("{\"duration\":\"1h\"}").text("key");
            assertEquals(200, admin.get("/key/info", shortLived).status());
            now.set(now.get().plusSeconds(3600));
            assertEquals(401, admin.get("/key/info", shortLived).status());
        }
    }

    private static AdminServer.Answer call(AdminServer admin, String method, String path, String bearer)
            throws Exception {
        return method.equals("GET") ? admin.get(path, bearer) : admin.post(path, "{}", bearer);
    }
}
