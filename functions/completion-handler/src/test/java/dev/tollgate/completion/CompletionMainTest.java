package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionMainTest {

    @Test
    void configComesFromTollgateConfigFirst() {
        assertEquals(Path.of("/etc/tg.yaml"),
                CompletionMain.configPath(Map.of("TOLLGATE_CONFIG", "/etc/tg.yaml", "LAMBDA_TASK_ROOT", "/var/task")));
    }

    @Test
    void configDefaultsToTaskRootThenWorkingDirectory() {
        assertEquals(Path.of("/var/task/config.yaml"), CompletionMain.configPath(Map.of("LAMBDA_TASK_ROOT", "/var/task")));
        assertEquals(Path.of("config.yaml"), CompletionMain.configPath(Map.of()));
    }

    @Test
    void portComesFromAdapterPortThenPortThenDefault() throws Exception {
        assertEquals(9000, CompletionMain.port(Map.of("AWS_LWA_PORT", "9000", "PORT", "7000")));
        assertEquals(7000, CompletionMain.port(Map.of("PORT", "7000")));
        assertEquals(8080, CompletionMain.port(Map.of()));
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        var e = assertThrows(CompletionMain.StartupException.class, () -> CompletionMain.port(Map.of("PORT", "http")));
        assertEquals("PORT: expected a port number from 0 to 65535, got \"http\"", e.getMessage());
    }

    @Test
    void missingConfigFailsWithOneLineNamingTheFile() {
        var e = assertThrows(CompletionMain.StartupException.class,
                () -> CompletionMain.start(Map.of("TOLLGATE_CONFIG", "/no/such/tollgate.yaml", "PORT", "0")));
        assertTrue(e.getMessage().contains("/no/such/tollgate.yaml") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
