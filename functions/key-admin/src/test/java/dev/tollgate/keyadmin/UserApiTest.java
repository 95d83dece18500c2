package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.KeyHashes;
import dev.tollgate.testing.TestDynamo;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserApiTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @BeforeEach
    void createATeam() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\"}");
    }

    @Test
    void newUserGetsAKeyOfItsOwnByDefault() throws Exception {
        AdminServer.Answer a = admin.post("/user/new", """
                {"user_id":"ann","user_email":"ann@example.com","teams":["eng"],"models":["gpt-4o"],"max_budget":5,
                 "key_alias":"ann-key"}""");
        assertEquals(200, a.status(), a.toString());
        assertEquals("ann", a.text("user_id"));
        assertEquals("ann@example.com", a.text("user_email"));
        assertEquals("internal_user", a.text("user_role"));
        String key = a.text("key");
        assertTrue(key.startsWith("sk-"), a.toString());
        assertEquals(KeyHashes.hash(key), a.text("token"));
        AdminServer.Answer info = admin.get("/key/info", key);
        assertEquals("ann", info.body().get("info").get("user_id").asText());
        assertEquals("ann-key", info.body().get("info").get("key_alias").asText());
        assertEquals("gpt-4o", info.body().get("info").get("models").get(0).asText());
    }

    @Test
    void newUserWithoutAKeyWhenAskedAndWithAnIdWhenNoneIsGiven() throws Exception {
        AdminServer.Answer a = admin.post("/user/new", "{\"auto_create_key\":false}");
        assertEquals(200, a.status(), a.toString());
        assertFalse(a.body().has("key"));
        assertTrue(a.text("user_id").length() >= 32);
        assertEquals(0, admin.get("/key/list").body().get("total_count").asInt());
    }

    @Test
    void newUserRejectsUnknownTeamsBadInputAndTakenIds() throws Exception {
        assertEquals("teams", admin.post("/user/new", "{\"teams\":[\"nope\"]}").param());
        assertEquals("max_budget", admin.post("/user/new", "{\"max_budget\":-2}").param());
        assertEquals("teams", admin.post("/user/new", "{\"teams\":\"eng\"}").param());
        admin.post("/user/new", "{\"user_id\":\"ann\",\"auto_create_key\":false}");
        AdminServer.Answer again = admin.post("/user/new", "{\"user_id\":\"ann\"}");
        assertEquals(400, again.status());
        assertEquals("user_id", again.param());
    }

    @Test
    void infoShowsTheUserItsKeysAndTeams() throws Exception {
        String key = admin.post("/user/new", "{\"user_id\":\"ann\",\"teams\":[\"eng\"]}").text("key");
        admin.generate("{\"user_id\":\"ann\"}");
        AdminServer.Answer a = admin.get("/user/info?user_id=ann");
        assertEquals(200, a.status());
        assertEquals("ann", a.body().get("user_info").get("user_id").asText());
        assertEquals(2, a.body().get("keys").size());
        assertEquals(KeyHashes.hash(key), a.body().get("keys").get(0).get("token").asText());
        assertEquals("eng", a.body().get("teams").get(0).get("team_id").asText());
        assertEquals(404, admin.get("/user/info?user_id=nobody").status());
    }

    @Test
    void updateChangesTheUser() throws Exception {
        admin.post("/user/new", "{\"user_id\":\"ann\",\"auto_create_key\":false}");
        AdminServer.Answer a = admin.post("/user/update", "{\"user_id\":\"ann\",\"user_role\":\"proxy_admin_viewer\","
                + "\"teams\":[\"eng\"]}");
        assertEquals(200, a.status(), a.toString());
        assertEquals("proxy_admin_viewer", a.body().get("data").get("user_role").asText());
        assertEquals(List.of("eng"), List.of(a.body().get("data").get("teams").get(0).asText()));
        assertEquals(404, admin.post("/user/update", "{\"user_id\":\"nobody\"}").status());
        assertEquals("teams", admin.post("/user/update", "{\"user_id\":\"ann\",\"teams\":[\"nope\"]}").param());
    }

    @Test
    void deleteRemovesTheUserAndItsKeys() throws Exception {
        String key = admin.post("/user/new", "{\"user_id\":\"ann\",\"key_alias\":\"a\"}").text("key");
        AdminServer.Answer a = admin.post("/user/delete", "{\"user_ids\":[\"ann\"]}");
        assertEquals(200, a.status(), a.toString());
        assertEquals("ann", a.body().get("deleted_users").get(0).asText());
        assertEquals(404, admin.get("/user/info?user_id=ann").status());
        assertEquals(404, admin.get("/key/info?key=" + key).status());
        assertEquals(List.of(KeyHashes.hash(key)), admin.changedKeys);
        assertEquals(404, admin.post("/user/delete", "{\"user_ids\":[\"ann\"]}").status());
        assertEquals(1, TestDynamo.scan(admin.table).size(), "only the team is left");
    }
}
