package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestDynamo;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No admin request can ask for unbounded work or an item beyond DynamoDB's 400 KB: each excess is a 400 naming the field. */
class AdminBoundsTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @Test
    void aDeleteOfMoreThanAHundredKeysIsRefusedBeforeAnyRead() throws Exception {
        String keys = IntStream.range(0, 101).mapToObj(i -> "\"sk-" + i + "\"").collect(Collectors.joining(","));
        assertRefused(admin.post("/key/delete", "{\"keys\":[" + keys + "]}"), "keys");
        String half = IntStream.range(0, 60).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(","));
        assertRefused(admin.post("/key/delete", "{\"keys\":[" + half + "],\"key_aliases\":[" + half + "]}"), "keys");
        String ids = IntStream.range(0, 101).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        assertRefused(admin.post("/team/delete", "{\"team_ids\":[" + ids + "]}"), "team_ids");
        assertRefused(admin.post("/user/delete", "{\"user_ids\":[" + ids + "]}"), "user_ids");
    }

    @Test
    void aModelListLongerThan256IsRefused() throws Exception {
        String models = IntStream.range(0, 257).mapToObj(i -> "\"m" + i + "\"").collect(Collectors.joining(","));
        assertRefused(admin.post("/key/generate", "{\"models\":[" + models + "]}"), "models");
        assertRefused(admin.post("/team/new", "{\"models\":[" + models + "]}"), "models");
        assertEquals(List.of(), TestDynamo.scan(admin.table));
    }

    @Test
    void metadataOver32KbIsRefusedNotAFailedWrite() throws Exception {
        String big = Json.string("x".repeat(33 * 1024));
        assertRefused(admin.post("/key/generate", "{\"metadata\":{\"notes\":" + big + "}}"), "metadata");
        assertRefused(admin.post("/user/new", "{\"metadata\":{\"notes\":" + big + "}}"), "metadata");
        assertEquals(200, admin.post("/key/generate", "{\"metadata\":{\"notes\":" + Json.string("x".repeat(30 * 1024))
                + "}}").status());
    }

    @Test
    void idsAndAliasesLongerThan256CharactersAreRefused() throws Exception {
        String longText = Json.string("a".repeat(257));
        assertRefused(admin.post("/key/generate", "{\"key_alias\":" + longText + "}"), "key_alias");
        assertRefused(admin.post("/team/new", "{\"team_id\":" + longText + "}"), "team_id");
        assertRefused(admin.post("/user/new", "{\"user_id\":" + longText + "}"), "user_id");
        assertRefused(admin.post("/key/generate", "{\"models\":[" + longText + "]}"), "models[0]");
        assertEquals(200, admin.post("/key/generate", "{\"key_alias\":" + Json.string("a".repeat(256)) + "}").status());
    }

    private static void assertRefused(AdminServer.Answer a, String field) {
        String error = a.body().path("error").toString();
        String shown = error.length() > 300 ? error.substring(0, 300) + "..." : error;
        assertEquals(400, a.status(), shown);
        assertEquals(field, a.param(), shown);
        assertEquals("invalid_request_error", a.body().path("error").path("type").asText(), shown);
    }
}
