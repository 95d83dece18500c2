package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.ConfigLoader;
import dev.tollgate.config.LoadedConfig;
import dev.tollgate.http.ServerProcess;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionMainTest {

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
        var e = assertThrows(ServerProcess.StartupException.class,
                () -> CompletionMain.start(Map.of("TOLLGATE_CONFIG", "/no/such/tollgate.yaml", "PORT", "0")));
        assertTrue(e.getMessage().contains("/no/such/tollgate.yaml") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
