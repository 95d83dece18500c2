package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.http.ServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionMainTest {

    @Test
    void missingConfigFailsWithOneLineNamingTheFile() {
        var e = assertThrows(ServerProcess.StartupException.class,
                () -> CompletionMain.start(Map.of("TOLLGATE_CONFIG", "/no/such/tollgate.yaml", "PORT", "0")));
        assertTrue(e.getMessage().contains("/no/such/tollgate.yaml") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
