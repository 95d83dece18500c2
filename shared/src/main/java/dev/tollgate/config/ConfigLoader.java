package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a LiteLLM proxy {@code config.yaml} into a {@link GatewayConfig}, once, at start-up. Every
 * environment read happens here, through the map given (production passes {@code System.getenv()},
 * tests a map of their own), with the file's {@code environment_variables} laid over it. A config
 * that cannot be used fails with a {@link ConfigException} whose one-line message names the bad
 * value's path; oddities that do not stop the gateway come back as warnings.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Reads and parses a config file; its {@code include}s are read relative to its directory. */
    public static LoadedConfig load(Path file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        String yaml = readFile(file, "");
        Path dir = file.toAbsolutePath().getParent();
        return parse(yaml, dir, file.toString(), env);
    }

    /** Parses config text; an {@code include} in it is an error, as there is no directory to read from. */
    public static LoadedConfig parse(String yaml, Map<String, String> env) {
        return parse(yaml, null, null, env);
    }

    private static LoadedConfig parse(String yaml, Path dir, String source, Map<String, String> env) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(env, "env");
        Warnings warnings = new Warnings();
        ObjectNode tree = YamlTree.readMapping(yaml, source, warnings);
        Includes.apply(tree, dir, warnings);
        Section bare = new Section(tree, "", Env.of(env, Map.of()), warnings);
        Map<String, String> vars = new HashMap<>(env);
        vars.putAll(environmentVariables(bare));
        Env plain = Env.of(vars, Map.of());
        HostedSecrets hosted = KeyManagementParser.parse(
                new Section(tree, "", plain, warnings).sectionOrEmpty("general_settings"), vars);
        Section root = new Section(tree, "", hosted == null ? plain : plain.withHosted(hosted), warnings);
        root.warnUnknown(KnownKeys.TOP_LEVEL);

        List<Deployment> deployments = new DeploymentParser(Credentials.parse(root)).parseAll(root);
        Section litellm = root.sectionOrEmpty("litellm_settings");
        Section router = root.sectionOrEmpty("router_settings");
        GatewayConfig config = new GatewayConfig(deployments,
                SettingsParser.router(router, litellm),
                SettingsParser.litellm(litellm),
                SettingsParser.general(root.sectionOrEmpty("general_settings")),
                RedisSettingsParser.parse(router));
        SecretSource secrets = hosted != null ? hosted.source() : new EnvironmentSecrets(vars);
        return new LoadedConfig(config, warnings.list(), secrets);
    }

    /**
     * {@code environment_variables}: names to scalar values, turned to text as LiteLLM does with
     * Python's {@code str()} (so {@code 6379} becomes "6379" and {@code true} "True").
     */
    private static Map<String, String> environmentVariables(Section root) {
        Section section = root.section("environment_variables");
        Map<String, String> vars = new LinkedHashMap<>();
        if (section == null) {
            return vars;
        }
        section.node().properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                return;
            }
            if (!v.isValueNode() || v.isBinary()) {
                throw ConfigException.at(section.pathOf(e.getKey()), "expected a string, got " + Values.typeName(v));
            }
            vars.put(e.getKey(), v.isBoolean() ? (v.booleanValue() ? "True" : "False") : v.asText());
        });
        return vars;
    }

    /** A config file's text, or a one-line failure naming the file, prefixed by {@code what}. */
    static String readFile(Path file, String what) {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(what + "config file " + file + " is a directory");
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(what + "config file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new ConfigException(what + "cannot read config file " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(what + "cannot read config file " + file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(what + "cannot read config file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
