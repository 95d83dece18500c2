package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyListTest {
    @RegisterExtension
    final AdminServer admin = new AdminServer();
    private final List<String> hashes = new ArrayList<>();

    @BeforeEach
    void startWithFiveKeys() throws Exception {
        admin.post("/team/new", "{\"team_id\":\"red\"}");
        admin.post("/team/new", "{\"team_id\":\"blue\"}");
        for (int i = 0; i < 5; i++) {
            String team = i % 2 == 0 ? "red" : "blue";
            hashes.add(admin.generate("{\"key_alias\":\"k" + i + "\",\"team_id\":\"" + team + "\",\"user_id\":\"u"
                    + (i < 3 ? "1" : "2") + "\"}").text("token"));
            Thread.sleep(2); // distinct creation times, so the order is the creation order
        }
    }

    @Test
    void pagesThroughAllKeysOldestFirstWithLiteLlmsCounts() throws Exception {
        AdminServer.Answer first = admin.get("/key/list?page=1&size=2");
        assertEquals(200, first.status());
        assertEquals(hashes.subList(0, 2), texts(first.body().get("keys")));
        assertEquals(5, first.body().get("total_count").asInt());
        assertEquals(1, first.body().get("current_page").asInt());
        assertEquals(3, first.body().get("total_pages").asInt());
        assertEquals(hashes.subList(4, 5), texts(admin.get("/key/list?page=3&size=2").body().get("keys")));
        assertEquals(List.of(), texts(admin.get("/key/list?page=4&size=2").body().get("keys")));
        assertEquals(hashes, texts(admin.get("/key/list").body().get("keys")));
    }

    @Test
    void fullObjectsOnRequest() throws Exception {
        JsonNode keys = admin.get("/key/list?return_full_object=true&size=1").body().get("keys");
        assertEquals("k0", keys.get(0).get("key_alias").asText());
        assertEquals(hashes.get(0), keys.get(0).get("token").asText());
    }

    @Test
    void filtersByTeamUserAndAlias() throws Exception {
        assertEquals(List.of(hashes.get(0), hashes.get(2), hashes.get(4)),
                texts(admin.get("/key/list?team_id=red").body().get("keys")));
        assertEquals(List.of(hashes.get(3), hashes.get(4)), texts(admin.get("/key/list?user_id=u2").body().get("keys")));
        assertEquals(List.of(hashes.get(4)), texts(admin.get("/key/list?user_id=u2&team_id=red").body().get("keys")));
        assertEquals(List.of(hashes.get(1)), texts(admin.get("/key/list?key_alias=k1").body().get("keys")));
        AdminServer.Answer none = admin.get("/key/list?key_alias=nobody");
        assertEquals(0, none.body().get("total_count").asInt());
        assertEquals(0, none.body().get("total_pages").asInt());
    }

    @Test
    void badPagingParametersAreA400NamingThem() throws Exception {
        assertEquals("size", admin.get("/key/list?size=101").param());
        assertEquals("size", admin.get("/key/list?size=0").param());
        assertEquals("page", admin.get("/key/list?page=zero").param());
        assertEquals("return_full_object", admin.get("/key/list?return_full_object=maybe").param());
    }

    @Test
    void listingNeedsTheMasterKey() throws Exception {
        String key = admin.generate("{}").text("key");
        assertEquals(403, admin.get("/key/list", key).status());
        assertTrue(admin.get("/key/list", null).status() == 401);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
