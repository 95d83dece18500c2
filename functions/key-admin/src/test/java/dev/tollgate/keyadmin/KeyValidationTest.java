package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.testing.TestDynamo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyValidationTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"max_budget\":-1}|max_budget",
        "{\"max_budget\":\"ten\"}|max_budget",
        "{\"budget_duration\":\"30y\"}|budget_duration",
        "{\"duration\":\"1fortnight\"}|duration",
        "{\"models\":\"gpt-4o\"}|models",
        "{\"models\":[\"gpt-4o\",7]}|models[1]",
        "{\"team_id\":\"no-such-team\"}|team_id",
        "{\"rpm_limit\":-5}|rpm_limit",
        "{\"tpm_limit\":1.5}|tpm_limit",
        "{\"max_parallel_requests\":\"2\"}|max_parallel_requests",
        "{\"blocked\":\"yes\"}|blocked",
        "{\"metadata\":[1]}|metadata",
        "{\"key_alias\":5}|key_alias",
        "{\"spend\":3}|spend",
        "{\"key\":\"sk-chosen-by-the-caller\"}|key",
    })
    void generateRejectsBadInputNamingTheField(String body, String field) throws Exception {
        AdminServer.Answer a = admin.post("/key/generate", body);
        assertEquals(400, a.status(), a.toString());
        assertEquals(field, a.param(), a.toString());
        assertEquals("invalid_request_error", a.body().get("error").get("type").asText());
        assertEquals(List.of(), TestDynamo.scan(admin.table), "a refused key was stored");
    }

    @Test
    void updateRejectsBadInputNamingTheField() throws Exception {
        String key = admin.generate("{}").text("key");
        AdminServer.Answer a = admin.post("/key/update", "{\"key\":\"" + key + "\",\"budget_duration\":\"2x\"}");
        assertEquals(400, a.status());
        assertEquals("budget_duration", a.param());
        assertEquals("key", admin.post("/key/update", "{\"rpm_limit\":1}").param());
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        assertEquals(400, admin.post("/key/generate", "{\"models\":").status());
        assertEquals(400, admin.post("/key/generate", "[]").status());
    }

    @Test
    void aliasesAreUnique() throws Exception {
        admin.generate("{\"key_alias\":\"shared\"}");
        AdminServer.Answer again = admin.post("/key/generate", "{\"key_alias\":\"shared\"}");
        assertEquals(400, again.status());
        assertEquals("key_alias", again.param());

        String other = admin.generate("{\"key_alias\":\"other\"}").text("key");
        AdminServer.Answer rename = admin.post("/key/update", "{\"key\":\"" + other + "\",\"key_alias\":\"shared\"}");
        assertEquals(400, rename.status());
        assertEquals("key_alias", rename.param());
        assertEquals("other", admin.get("/key/info?key=" + other).body().get("info").get("key_alias").asText());
    }

    @Test
    void anAliasFreedByARenameCanBeTakenAgain() throws Exception {
        String key = admin.generate("{\"key_alias\":\"old\"}").text("key");
        assertEquals(200, admin.post("/key/update", "{\"key\":\"" + key + "\",\"key_alias\":\"new\"}").status());
        admin.generate("{\"key_alias\":\"old\"}");
    }
}
