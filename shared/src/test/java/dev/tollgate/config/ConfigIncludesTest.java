package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading from files: ConfigLoader.load, LiteLLM's include, and file errors. */
class ConfigIncludesTest {
    static final Map<String, String> ENV = Map.of("LITELLM_MASTER_KEY", "sk-m");

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void loadsAConfigFile() throws IOException {
        Path file = write("config.yaml", ConfigLoaderTest.REALISTIC);

        LoadedConfig loaded = ConfigLoader.load(file, ConfigLoaderTest.ENV);

        assertEquals(5, loaded.config().deployments().size());
    }

    @Test
    void appendsIncludedModelListsInOrder() throws IOException {
        write("models/openai.yaml", """
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                """);
        write("anthropic.yaml", """
                model_list:
                  - model_name: claude
                    litellm_params: {model: anthropic/claude-3-5-haiku-latest}
                """);
        Path config = write("config.yaml", """
                include:
                  - models/openai.yaml
                  - anthropic.yaml
                model_list:
                  - model_name: own
                    litellm_params: {model: groq/llama3-8b-8192}
                """);

        LoadedConfig loaded = ConfigLoader.load(config, ENV);

        assertEquals(List.of("own", "gpt-4o", "claude"),
                loaded.config().deployments().stream().map(Deployment::modelName).toList());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void acceptsASingleIncludeAndLetsItReplaceSettings() throws IOException {
        Path included = write("router.yaml", "router_settings: {routing_strategy: least-busy}\n");
        Path config = write("config.yaml", """
                include: router.yaml
                model_list: [{model_name: a, litellm_params: {model: openai/gpt-4o}}]
                router_settings: {routing_strategy: simple-shuffle}
                """);

        LoadedConfig loaded = ConfigLoader.load(config, ENV);

        assertEquals("least-busy", loaded.config().router().routingStrategy());
        assertEquals(List.of(included + ": its router_settings replaces the one in the including config"),
                loaded.warnings());
    }

    @Test
    void doesNotFollowNestedIncludes() throws IOException {
        write("deeper.yaml", "model_list: [{model_name: deep, litellm_params: {model: openai/gpt-4o}}]\n");
        Path middle = write("middle.yaml", "include: [deeper.yaml]\n"
                + "model_list: [{model_name: middle, litellm_params: {model: openai/gpt-4o}}]\n");
        Path config = write("config.yaml", "include: [middle.yaml]\n");

        LoadedConfig loaded = ConfigLoader.load(config, ENV);

        assertEquals(List.of("middle"), loaded.config().deployments().stream().map(Deployment::modelName).toList());
        assertEquals(List.of(middle + ": include inside an included file is not followed (nor is it by LiteLLM)"),
                loaded.warnings());
    }

    @Test
    void namesTheMissingIncludedFile() throws IOException {
        Path config = write("config.yaml", "include: [models.yaml, missing.yaml]\n");
        write("models.yaml", "model_list: []\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, ENV));

        assertEquals("include[1]: config file not found: " + dir.resolve("missing.yaml"), e.getMessage());
    }

    @Test
    void namesTheIncludedFileWithInvalidYaml() throws IOException {
        Path bad = write("models.yaml", "model_list:\n  - model_name: [a\n");
        Path config = write("config.yaml", "include: [models.yaml]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, ENV));

        assertTrue(e.getMessage().startsWith(bad + ": invalid YAML at line 3, column 1: "), e.getMessage());
    }

    @Test
    void rejectsIncludeThatIsNotAFileName() throws IOException {
        Path config = write("config.yaml", "include: [{file: models.yaml}]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, ENV));

        assertEquals("include[0]: expected a file name, got a mapping", e.getMessage());
    }

    @Test
    void namesAMissingConfigFile() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, ENV));

        assertEquals("config file not found: " + missing, e.getMessage());
    }

    @Test
    void namesAConfigPathThatIsADirectory() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, ENV));

        assertEquals("config file " + dir + " is a directory", e.getMessage());
    }

    @Test
    void namesAConfigFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, ENV));

        assertEquals("cannot read config file " + file + ": not valid UTF-8", e.getMessage());
    }

    @Test
    void prefixesYamlErrorsWithTheFileName() throws IOException {
        Path file = write("config.yaml", "model_list: [\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, ENV));

        assertTrue(e.getMessage().startsWith(file + ": invalid YAML at line 2, column 1: "), e.getMessage());
    }
}
