package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void configComesFromTollgateConfigFirst() {
        assertEquals(Path.of("/etc/tg.yaml"),
                ServerProcess.configPath(Map.of("TOLLGATE_CONFIG", "/etc/tg.yaml", "LAMBDA_TASK_ROOT", "/var/task")));
    }

    @Test
    void configDefaultsToTaskRootThenWorkingDirectory() {
        assertEquals(Path.of("/var/task/config.yaml"), ServerProcess.configPath(Map.of("LAMBDA_TASK_ROOT", "/var/task")));
        assertEquals(Path.of("config.yaml"), ServerProcess.configPath(Map.of()));
    }

    @Test
    void portComesFromAdapterPortThenPortThenDefault() throws Exception {
        assertEquals(9000, ServerProcess.port(Map.of("AWS_LWA_PORT", "9000", "PORT", "7000")));
        assertEquals(7000, ServerProcess.port(Map.of("PORT", "7000")));
        assertEquals(8080, ServerProcess.port(Map.of()));
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        var e = assertThrows(ServerProcess.StartupException.class, () -> ServerProcess.port(Map.of("PORT", "http")));
        assertEquals("PORT: expected a port number from 0 to 65535, got \"http\"", e.getMessage());
    }

    @Test
    void missingConfigFailsWithOneLineNamingTheFile() {
        var e = assertThrows(ServerProcess.StartupException.class,
                () -> ServerProcess.loadConfig(Map.of("TOLLGATE_CONFIG", "/no/such/tollgate.yaml")));
        assertTrue(e.getMessage().contains("/no/such/tollgate.yaml") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
