package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.TestAws;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** key_management_system: aws_secret_manager, against Secrets Manager as moto emulates it. */
class ConfigSecretsManagerTest {
    private final String prefix = "tollgate-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private Map<String, String> env;

    @BeforeEach
    void emulator() {
        env = new HashMap<>(TestAws.environment());
    }

    private void store(String name, String value) {
        try (SecretsManagerClient sm = TestAws.secretsManager()) {
            sm.createSecret(r -> r.name(name).secretString(value));
        }
    }

    @Test
    void readsHostedMasterKeyFromSecretsManager() {
        store(prefix + "master", "sk-master-from-aws");
        env.put(prefix + "master", "sk-the-environment-copy");
        LoadedConfig loaded = ConfigLoader.parse("""
                general_settings:
                  master_key: os.environ/%smaster
                  key_management_system: aws_secret_manager
                  key_management_settings:
                    hosted_keys: ["%smaster"]
                """.formatted(prefix, prefix), env);
        assertEquals("sk-master-from-aws", loaded.config().general().masterKey().value());
        assertInstanceOf(SecretsManagerSource.class, loaded.secrets());
    }

    @Test
    void namesNotHostedComeFromTheEnvironment() {
        store(prefix + "openai", "sk-openai-from-aws");
        env.put(prefix + "openai", "sk-openai-from-env");
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: m
                    litellm_params: {model: openai/gpt-4o, api_key: os.environ/%sopenai}
                general_settings:
                  key_management_system: aws_secret_manager
                  key_management_settings:
                    hosted_keys: ["SOMETHING_ELSE"]
                """.formatted(prefix), env);
        assertEquals("sk-openai-from-env", loaded.config().deployments().get(0).apiKey().value());
    }

    @Test
    void withoutHostedKeysEveryReferenceIsTriedInSecretsManagerFirst() {
        store(prefix + "openai", "sk-openai-from-aws");
        env.put(prefix + "anthropic", "sk-ant-env-only");
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: os.environ/%sopenai}
                  - model_name: b
                    litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/%santhropic}
                general_settings:
                  key_management_system: aws_secret_manager
                """.formatted(prefix, prefix), env);
        assertEquals("sk-openai-from-aws", loaded.config().deployments().get(0).apiKey().value());
        assertEquals("sk-ant-env-only", loaded.config().deployments().get(1).apiKey().value());
    }

    @Test
    void readsNamesAsKeysOfThePrimarySecret() {
        store(prefix + "all", "{\"TEAM_A_OPENAI\": \"sk-team-a\", \"OTHER\": \"x\"}");
        LoadedConfig loaded = ConfigLoader.parse("""
                general_settings:
                  key_management_system: aws_secret_manager
                  key_management_settings:
                    primary_secret_name: %sall
                """.formatted(prefix), env);
        assertEquals(Optional.of(new Secret("sk-team-a")), loaded.secrets().lookup("TEAM_A_OPENAI"));
        assertEquals(Optional.empty(), loaded.secrets().lookup("MISSING"));
    }

    @Test
    void missingSecretIsEmptyNotAnError() {
        SecretSource secrets = SecretsManagerSource.fromEnvironment(env, null);
        assertEquals(Optional.empty(), secrets.lookup(prefix + "never-created"));
    }

    @Test
    void unreachableSecretsManagerFailsStartUpWithoutShowingValues() {
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        env.put("SOME_KEY", "sk-must-not-appear");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                general_settings:
                  master_key: os.environ/SOME_KEY
                  key_management_system: aws_secret_manager
                """, env));
        assertTrue(e.getMessage().startsWith("general_settings.master_key: AWS Secrets Manager: cannot read secret "
                + "SOME_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-must-not-appear"));
    }

    @Test
    void rejectsOtherKeyManagementSystems() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                general_settings:
                  key_management_system: azure_key_vault
                """, env));
        assertEquals("general_settings.key_management_system: unsupported \"azure_key_vault\"; "
                + "Tollgate reads secrets from aws_secret_manager", e.getMessage());
    }

    @Test
    void withoutKeyManagementTenantSecretsComeFromTheEnvironment() {
        LoadedConfig loaded = ConfigLoader.parse("model_list: []\n", Map.of("TEAM_KEY", "sk-env"));
        assertEquals(Optional.of(new Secret("sk-env")), loaded.secrets().lookup("TEAM_KEY"));
        assertEquals(Optional.empty(), loaded.secrets().lookup("NOT_SET"));
    }
}
