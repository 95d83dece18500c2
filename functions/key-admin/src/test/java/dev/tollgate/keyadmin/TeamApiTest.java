package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.keys.KeyHashes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamApiTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @Test
    void newTeamTakesItsSettingsAndAnIdOrMakesOne() throws Exception {
        AdminServer.Answer a = admin.post("/team/new", """
                {"team_id":"eng","team_alias":"Engineering","models":["gpt-4o"],"max_budget":50,"budget_duration":"1mo",
                 "rpm_limit":100,"tpm_limit":5000,"metadata":{"tenant_id":"t1"}}""");
        assertEquals(200, a.status(), a.toString());
        assertEquals("eng", a.text("team_id"));
        assertEquals("Engineering", a.text("team_alias"));
        assertEquals("1mo", a.text("budget_duration"));
        assertTrue(a.text("budget_reset_at") != null);
        assertEquals("t1", a.body().get("metadata").get("tenant_id").asText());

        AdminServer.Answer generated = admin.post("/team/new", "{}");
        assertEquals(200, generated.status());
        assertTrue(generated.text("team_id").length() >= 32, generated.toString());
    }

    @Test
    void aTeamIdCanBeTakenOnce() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\"}");
        AdminServer.Answer again = admin.post("/team/new", "{\"team_id\":\"eng\"}");
        assertEquals(400, again.status());
        assertEquals("team_id", again.param());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"max_budget\":-0.01}|max_budget",
        "{\"budget_duration\":\"7q\"}|budget_duration",
        "{\"models\":{\"a\":1}}|models",
        "{\"rpm_limit\":\"fast\"}|rpm_limit",
        "{\"metadata\":\"x\"}|metadata",
        "{\"spend\":1}|spend",
    })
    void newTeamRejectsBadInputNamingTheField(String body, String field) throws Exception {
        AdminServer.Answer a = admin.post("/team/new", body);
        assertEquals(400, a.status(), a.toString());
        assertEquals(field, a.param());
    }

    @Test
    void updateChangesTheTeamAndTellsTheCache() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\",\"rpm_limit\":10}");
        AdminServer.Answer a = admin.post("/team/update", "{\"team_id\":\"eng\",\"rpm_limit\":20,\"blocked\":true}");
        assertEquals(200, a.status(), a.toString());
        assertEquals("eng", a.text("team_id"));
        assertEquals(20, a.body().get("data").get("rpm_limit").asInt());
        assertTrue(a.body().get("data").get("blocked").asBoolean());
        assertEquals(List.of("eng"), admin.changedTeams);
        assertEquals(404, admin.post("/team/update", "{\"team_id\":\"nope\",\"rpm_limit\":1}").status());
        assertEquals("team_id", admin.post("/team/update", "{\"rpm_limit\":1}").param());
    }

    @Test
    void infoShowsTheTeamAndItsKeys() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\"}");
        String key = admin.generate("{\"team_id\":\"eng\",\"key_alias\":\"ci\"}").text("key");
        admin.generate("{}");
        AdminServer.Answer a = admin.get("/team/info?team_id=eng");
        assertEquals(200, a.status());
        assertEquals("eng", a.body().get("team_info").get("team_id").asText());
        assertEquals(1, a.body().get("keys").size());
        assertEquals(KeyHashes.hash(key), a.body().get("keys").get(0).get("token").asText());
        assertEquals(404, admin.get("/team/info?team_id=nope").status());
        assertEquals("team_id", admin.get("/team/info").param());
    }

    @Test
    void listShowsEveryTeamOldestFirst() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"a\"}");
        Thread.sleep(2);
        admin.post("/team/new", "{\"team_id\":\"b\"}");
        AdminServer.Answer a = admin.get("/team/list");
        assertEquals(200, a.status());
        assertEquals(2, a.body().size());
        assertEquals("a", a.body().get(0).get("team_id").asText());
        assertEquals("b", a.body().get(1).get("team_id").asText());
    }

    @Test
    void deleteRemovesTheTeamItsKeysAndItsPlaceInUsersTeams() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\"}");
        admin.post("/team/new", "{\"team_id\":\"ops\"}");
        String key = admin.generate("{\"team_id\":\"eng\",\"key_alias\":\"ci\"}").text("key");
        admin.post("/user/new", "{\"user_id\":\"ann\",\"teams\":[\"eng\",\"ops\"],\"auto_create_key\":false}");

        AdminServer.Answer a = admin.post("/team/delete", "{\"team_ids\":[\"eng\"]}");
        assertEquals(200, a.status(), a.toString());
        assertEquals("eng", a.body().get("deleted_teams").get(0).asText());
        assertEquals(404, admin.get("/team/info?team_id=eng").status());
        assertEquals(404, admin.get("/key/info?key=" + key).status());
        assertFalse(admin.get("/user/info?user_id=ann").body().get("user_info").get("teams").toString().contains("eng"));
        assertTrue(admin.changedTeams.contains("eng"));
        assertTrue(admin.changedKeys.contains(KeyHashes.hash(key)));
        admin.generate("{\"key_alias\":\"ci\"}"); // the alias is free again
    }

    @Test
    void deletingAMissingTeamIsANotFoundAndDeletesNothing() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"eng\"}");
        assertEquals(404, admin.post("/team/delete", "{\"team_ids\":[\"eng\",\"nope\"]}").status());
        assertEquals(200, admin.get("/team/info?team_id=eng").status());
        assertEquals("team_ids", admin.post("/team/delete", "{}").param());
    }
}
