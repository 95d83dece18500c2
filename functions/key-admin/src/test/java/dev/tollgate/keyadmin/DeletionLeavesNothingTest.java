package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.testing.TestDynamo;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionLeavesNothingTest {
    @Test
    void deletingEverythingThroughTheApiLeavesAnEmptyTable() throws Exception {
        try (AdminServer admin = AdminServer.start()) {
            admin.post("/team/new", "{\"team_id\":\"eng\"}");
            admin.post("/user/new", "{\"user_id\":\"ann\",\"teams\":[\"eng\"],\"key_alias\":\"ann-1\"}");
            admin.generate("{\"team_id\":\"eng\",\"key_alias\":\"team-1\"}");
            admin.generate("{\"user_id\":\"ann\",\"team_id\":\"eng\",\"key_alias\":\"both\"}");
            String loose = admin.generate("{\"key_alias\":\"loose\"}").text("key");
            String renamed = admin.generate("{\"key_alias\":\"before\"}").text("key");
            admin.post("/key/update", "{\"key\":\"" + renamed + "\",\"key_alias\":\"after\"}");
            String regenerated = admin.generate("{\"key_alias\":\"regen\"}").text("key");
            String fresh = admin.post("/key/regenerate", "{\"key\":\"" + regenerated + "\"}").text("key");

            assertEquals(200, admin.post("/key/delete", "{\"keys\":[\"" + loose + "\",\"" + fresh + "\"],"
                    + "\"key_aliases\":[\"after\"]}").status());
            assertEquals(200, admin.post("/team/delete", "{\"team_ids\":[\"eng\"]}").status());
            assertEquals(200, admin.post("/user/delete", "{\"user_ids\":[\"ann\"]}").status());
            assertEquals(List.of(), TestDynamo.scan(admin.table));
        }
    }
}
