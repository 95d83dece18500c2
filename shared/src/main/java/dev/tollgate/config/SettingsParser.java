package dev.tollgate.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * {@code litellm_settings} and {@code general_settings} ({@code router_settings} is
 * {@link RouterSettingsParser}'s). Typed fields are read strictly; every key is also kept in
 * {@code raw} (environment references resolved leniently) for features that read them later, except
 * the master key, which only lives in its {@link Secret}.
 */
final class SettingsParser {
    static final String MASTER_KEY_VARIABLE = "LITELLM_MASTER_KEY";
    private static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024);

    private SettingsParser() {
    }

    static LitellmSettings litellm(Section litellm) {
        litellm.warnUnknown(KnownKeys.LITELLM_SETTINGS);
        Boolean dropParams = litellm.bool("drop_params");
        return new LitellmSettings(dropParams != null && dropParams,
                References.resolveFields(litellm, Set.of(), false));
    }

    /**
     * general_settings. Without master_key, LITELLM_MASTER_KEY is used, as in LiteLLM. An empty
     * master key is an error rather than "no auth": an unset variable in a compose file must not
     * open the gateway.
     */
    static GeneralSettings general(Section general) {
        general.warnUnknown(KnownKeys.GENERAL_SETTINGS);
        Secret masterKey = masterKey(general);
        if (masterKey == null) {
            general.warnings().add("no master key (general_settings.master_key or " + MASTER_KEY_VARIABLE
                    + "): requests are not authenticated");
        } else if (!masterKey.value().startsWith("sk-")) {
            String source = general.has("master_key") ? general.pathOf("master_key") : MASTER_KEY_VARIABLE;
            general.warnings().add(source + ": does not start with \"sk-\", which LiteLLM requires of master keys");
        }
        return new GeneralSettings(masterKey, maxRequestBodyBytes(general), general.seconds("user_api_key_cache_ttl"),
                References.resolveFields(general, Set.of("master_key"), false));
    }

    private static Secret masterKey(Section general) {
        if (general.has("master_key")) {
            Secret key = general.secret("master_key");
            if (key == null) {
                throw ConfigException.at(general.pathOf("master_key"),
                        "must not be empty (remove it to run without authentication)");
            }
            return key;
        }
        if (general.env().isSetButEmpty(MASTER_KEY_VARIABLE)) {
            throw new ConfigException("environment variable " + MASTER_KEY_VARIABLE
                    + " is set but empty (unset it to run without authentication)");
        }
        return Secret.ofNullable(general.env().get(MASTER_KEY_VARIABLE));
    }

    private static long maxRequestBodyBytes(Section general) {
        BigDecimal mb = general.decimal("max_request_body_size_mb");
        if (mb == null) {
            return GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES;
        }
        BigDecimal bytes = mb.multiply(BYTES_PER_MB).setScale(0, RoundingMode.DOWN);
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw ConfigException.at(general.pathOf("max_request_body_size_mb"),
                    "must be a positive number of megabytes, got " + general.shown("max_request_body_size_mb"));
        }
        return bytes.longValueExact();
    }
}
