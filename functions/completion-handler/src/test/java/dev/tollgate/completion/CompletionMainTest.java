package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.ConfigLoader;
import dev.tollgate.config.LoadedConfig;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void keysAreReadFromTheTableOnlyWhenThereIsAMasterKeyAndARegion(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "model_list: []\ngeneral_settings:\n  master_key: sk-main-test\n");
        LoadedConfig withKey = ConfigLoader.load(config, Map.of());
        assertSame(CompletionServices.NO_KEYS, CompletionMain.services(withKey, Map.of()).keyStore(),
                "no region: only the master key is accepted");
        CompletionServices aws = CompletionMain.services(withKey, Map.of("AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "TOLLGATE_TABLE", "tg-prod"));
        assertTrue(aws.keyStore() instanceof DynamoKeyStore);
        assertTrue(aws.spend() instanceof DynamoSpendRecorder);

        Files.writeString(config, "model_list: []\n");
        LoadedConfig open = ConfigLoader.load(config, Map.of());
        assertSame(CompletionServices.NO_KEYS, CompletionMain.services(open, Map.of("AWS_REGION", "eu-west-1"))
                .keyStore(), "an open gateway checks no keys");
    }

    @Test
    void missingConfigFailsWithOneLineNamingTheFile() {
        var e = assertThrows(CompletionMain.StartupException.class,
                () -> CompletionMain.start(Map.of("TOLLGATE_CONFIG", "/no/such/tollgate.yaml", "PORT", "0")));
        assertTrue(e.getMessage().contains("/no/such/tollgate.yaml") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
