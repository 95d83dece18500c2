package dev.tollgate.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment as seen by one load: the process environment (or a test's map) with the
 * config's {@code environment_variables} laid over it, as LiteLLM does. Resolves
 * {@code os.environ/NAME} references. Error messages name the variable, never its value.
 */
final class Env {
    static final String PREFIX = "os.environ/";

    private final Map<String, String> vars;
    private final HostedSecrets hosted;

    private Env(Map<String, String> vars, HostedSecrets hosted) {
        this.vars = vars;
        this.hosted = hosted;
    }

    static Env of(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(overrides);
        return new Env(merged, null);
    }

    /** This environment with some names read from a secret manager first ({@code key_management_system}). */
    Env withHosted(HostedSecrets secrets) {
        return new Env(vars, secrets);
    }

    static boolean isReference(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The variable a reference names; fails if it names none. */
    static String variable(String reference, String path) {
        String name = reference.substring(PREFIX.length()).strip();
        if (name.isEmpty()) {
            throw ConfigException.at(path, "\"" + PREFIX + "\" names no environment variable");
        }
        return name;
    }

    /** The value of a reference, or a failure naming the path and the variable. */
    String resolve(String reference, String path) {
        String name = variable(reference, path);
        String value = hosted != null && hosted.covers(name, true) ? hosted.value(name, path) : null;
        if (value == null) {
            value = vars.get(name);
        }
        if (value == null) {
            throw ConfigException.at(path, "environment variable " + name + " is not set");
        }
        if (value.isEmpty()) {
            throw ConfigException.at(path, "environment variable " + name + " is empty");
        }
        return value;
    }

    /** The value of a variable if it is set and not empty, else null. */
    String get(String name) {
        String value = hosted != null && hosted.covers(name, false) ? hosted.value(name, name) : null;
        if (value == null) {
            value = vars.get(name);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** True when the variable is set to the empty string. */
    boolean isSetButEmpty(String name) {
        String value = vars.get(name);
        return value != null && value.isEmpty();
    }

    /** The first of {@code names} that is set and not empty, or null. */
    String firstSet(List<String> names) {
        for (String name : names) {
            if (get(name) != null) {
                return name;
            }
        }
        return null;
    }
}
