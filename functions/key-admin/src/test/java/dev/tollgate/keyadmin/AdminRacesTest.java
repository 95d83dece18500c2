package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admin writes racing each other: neither may silently undo the other. */
class AdminRacesTest {
    private static final int ROUNDS = 15;

    @RegisterExtension
    final AdminServer admin = new AdminServer();

    @Test
    void aBlockRacingAnUpdateKeepsBothOrTheUpdateIsAConflict() throws Exception {
        String key = admin.generate("{\"rpm_limit\":1}").text("key");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                boolean block = round % 2 == 0;
                int rpm = 100 + round;
                Future<AdminServer.Answer> update = pool.submit(call("/key/update",
                        "{\"key\":\"" + key + "\",\"rpm_limit\":" + rpm + "}"));
                Future<AdminServer.Answer> flag = pool.submit(call(block ? "/key/block" : "/key/unblock",
                        "{\"key\":\"" + key + "\"}"));
                assertEquals(200, flag.get().status(), "block and unblock retry a race: " + flag.get());
                AdminServer.Answer updated = update.get();
                JsonNode info = admin.get("/key/info?key=" + key).body().get("info");
                assertEquals(block, info.get("blocked").asBoolean(), "the update undid the block in round " + round);
                if (updated.status() == 200) {
                    assertEquals(rpm, info.get("rpm_limit").asInt(), "the block undid the update in round " + round);
                } else {
                    assertEquals(409, updated.status(), updated.toString());
                    assertEquals("conflict", updated.body().path("error").path("code").asText());
                    assertTrue(updated.body().path("error").has("message"));
                }
            }
        }
    }

    private Callable<AdminServer.Answer> call(String path, String body) {
        return () -> admin.post(path, body);
    }
}
