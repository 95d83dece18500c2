package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamNarrowingTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @BeforeEach
    void startWithATeam() throws Exception {
        AdminServer.Answer team = admin.post("/team/new", """
                {"team_id":"t1","models":["gpt-4o","anthropic/*"],"max_budget":100,"rpm_limit":60,"tpm_limit":10000,
                 "max_parallel_requests":4}""");
        assertEquals(200, team.status(), team.toString());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "\"rpm_limit\":61|rpm_limit",
        "\"tpm_limit\":10001|tpm_limit",
        "\"max_parallel_requests\":5|max_parallel_requests",
        "\"max_budget\":100.01|max_budget",
        "\"models\":[\"gpt-4o\",\"gpt-4o-mini\"]|models",
        "\"models\":[\"openai/*\"]|models",
    })
    void aKeyCannotExceedItsTeam(String field, String param) throws Exception {
        AdminServer.Answer a = admin.post("/key/generate", "{\"team_id\":\"t1\"," + field + "}");
        assertEquals(400, a.status(), a.toString());
        assertEquals(param, a.param());
    }

    @Test
    void aKeyWithinItsTeamIsAccepted() throws Exception {
        admin.generate("""
                {"team_id":"t1","models":["gpt-4o","anthropic/claude-sonnet-4","anthropic/*"],"max_budget":100,
                 "rpm_limit":60,"tpm_limit":10,"max_parallel_requests":1}""");
        admin.generate("{\"team_id\":\"t1\"}");
    }

    @Test
    void movingAKeyIntoATeamChecksItAgainstThatTeam() throws Exception {
        String key = admin.generate("{\"rpm_limit\":1000}").text("key");
        AdminServer.Answer a = admin.post("/key/update", "{\"key\":\"" + key + "\",\"team_id\":\"t1\"}");
        assertEquals(400, a.status());
        assertEquals("rpm_limit", a.param());
    }

    @Test
    void aTeamWithoutModelsAllowsAnyModel() throws Exception {
        assertEquals(200, admin.post("/team/new", "{\"team_id\":\"open\"}").status());
        admin.generate("{\"team_id\":\"open\",\"models\":[\"anything\"],\"rpm_limit\":100000}");
    }
}
