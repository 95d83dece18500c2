package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code general_settings.key_management_system} and {@code key_management_settings}: where
 * {@code os.environ/} references and tenants' credentials are read from. Only reading from
 * {@code aws_secret_manager} is supported; LiteLLM's options for writing virtual keys into the
 * manager are reported as ignored.
 */
final class KeyManagementParser {
    static final String AWS_SECRET_MANAGER = "aws_secret_manager";
    private static final Set<String> SETTINGS = Set.of("hosted_keys", "primary_secret_name", "access_mode",
            "store_virtual_keys", "prefix_for_stored_virtual_keys", "description", "tags");
    private static final Set<String> WRITE_SETTINGS = Set.of("store_virtual_keys", "prefix_for_stored_virtual_keys",
            "description", "tags");

    private KeyManagementParser() {
    }

    /** The hosted secrets, or null when no key management system is configured. */
    static HostedSecrets parse(Section general, Map<String, String> env) {
        String system = general.text("key_management_system");
        Section settings = general.section("key_management_settings");
        if (system == null) {
            if (settings != null) {
                general.warnings().add(settings.path() + ": ignored without key_management_system");
            }
            return null;
        }
        if (!AWS_SECRET_MANAGER.equals(system)) {
            throw ConfigException.at(general.pathOf("key_management_system"), "unsupported "
                    + general.shown("key_management_system") + "; Tollgate reads secrets from " + AWS_SECRET_MANAGER);
        }
        Section s = settings != null ? settings : general.sectionOrEmpty("key_management_settings");
        s.warnUnknown(SETTINGS);
        for (String write : WRITE_SETTINGS) {
            if (s.has(write)) {
                general.warnings().add(s.pathOf(write) + ": ignored; virtual keys are stored hashed in DynamoDB, "
                        + "not in the secret manager");
            }
        }
        String mode = s.text("access_mode");
        if (mode != null && !mode.equals("read_only") && !mode.equals("read_and_write")) {
            throw ConfigException.at(s.pathOf("access_mode"), "Tollgate only reads from the secret manager; "
                    + "expected read_only, got " + s.shown("access_mode"));
        }
        return new HostedSecrets(SecretsManagerSource.fromEnvironment(env, s.text("primary_secret_name")),
                hostedKeys(s));
    }

    private static Set<String> hostedKeys(Section s) {
        JsonNode list = s.node().get("hosted_keys");
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw ConfigException.at(s.pathOf("hosted_keys"), "expected a list of names, got " + Values.describe(list));
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isTextual() || n.textValue().isBlank()) {
                throw ConfigException.at(s.pathOf("hosted_keys") + "[" + i + "]", "expected a name, got "
                        + Values.describe(n));
            }
            names.add(n.textValue().strip());
        }
        return Set.copyOf(names);
    }
}
