package dev.tollgate.keyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.ServerProcess;
import dev.tollgate.testing.TestDynamo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAdminMainTest {
    @TempDir
    Path dir;

    @Test
    void tableComesFromTollgateTableElseTheDefault() {
        assertEquals("tollgate", KeyAdminMain.table(Map.of()));
        assertEquals("tollgate-prod", KeyAdminMain.table(Map.of("TOLLGATE_TABLE", "tollgate-prod")));
    }

    @Test
    void servesTheAdminApiOnTheConfiguredTable() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), "general_settings:\n  master_key: sk-m\n");
        String table = TestDynamo.freshTable();
        HttpServerHost server = KeyAdminMain.start(Map.of("TOLLGATE_CONFIG", config.toString(), "PORT", "0",
                "TOLLGATE_TABLE", table), TestDynamo.client());
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/team/new")).header("Authorization", "Bearer sk-m")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"team_id\":\"t\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, TestDynamo.scan(table).size());
        } finally {
            server.close();
        }
    }

    @Test
    void aMissingConfigFailsWithOneLine() {
        var e = assertThrows(ServerProcess.StartupException.class,
                () -> KeyAdminMain.start(Map.of("TOLLGATE_CONFIG", "/no/such.yaml", "PORT", "0"), TestDynamo.client()));
        assertTrue(e.getMessage().contains("/no/such.yaml"), e.getMessage());
    }
}
