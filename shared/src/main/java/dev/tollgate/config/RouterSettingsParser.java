package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code router_settings}, read strictly. Retries, timeout and the fallback lists fall back to
 * their {@code litellm_settings} namesakes (num_retries, request_timeout, fallbacks ...), as in
 * LiteLLM's Router. Fallback targets that name no model group are a warning, not an error: LiteLLM
 * loads such a config too, and the fallback simply fails when tried.
 */
final class RouterSettingsParser {
    static final String DEFAULT_ROUTING_STRATEGY = "simple-shuffle";
    /** LiteLLM router settings Tollgate reads but does not act on yet: each is a warning. */
    private static final List<String> UNSUPPORTED = List.of("retry_policy", "allowed_fails_policy",
            "model_group_alias");
    private static final Set<String> STRATEGY_ARGS = Set.of("ttl", "lowest_latency_buffer");
    /** Kept out of {@code raw}: they only live in {@link RedisSettings}, where the password is a {@link Secret}. */
    private static final Set<String> REDIS_CREDENTIALS = Set.of("redis_url", "redis_password");
    private static final String FALLBACK_SHAPE = "expected a list of {model_name: [fallback model names]}";

    private RouterSettingsParser() {
    }

    static RouterSettings parse(Section router, Section litellm, Collection<String> modelNames) {
        router.warnUnknown(KnownKeys.ROUTER_SETTINGS);
        for (String key : UNSUPPORTED) {
            if (router.has(key)) {
                router.warnings().add(router.pathOf(key) + ": not supported by Tollgate yet (ignored)");
            }
        }
        Integer retries = router.integer("num_retries", 0);
        Integer fallbackRetries = litellm.integer("num_retries", 0);
        int defaultRetries = RouterSettings.DEFAULT_NUM_RETRIES;
        Duration timeout = router.seconds("timeout");
        Duration fallbackTimeout = litellm.seconds("request_timeout");
        Integer allowedFails = router.integer("allowed_fails", 0);
        Boolean preCallChecks = router.bool("enable_pre_call_checks");
        FallbackSettings fallbacks = fallbacks(router, litellm, Set.copyOf(modelNames));
        Section args = router.sectionOrEmpty("routing_strategy_args");
        args.warnUnknown(STRATEGY_ARGS);
        Double buffer = args.number("lowest_latency_buffer");
        return new RouterSettings(strategy(router),
                retries != null ? retries : fallbackRetries != null ? fallbackRetries : defaultRetries,
                timeout != null ? timeout : fallbackTimeout != null ? fallbackTimeout : RouterSettings.DEFAULT_TIMEOUT,
                router.seconds("stream_timeout"),
                References.resolveFields(router, REDIS_CREDENTIALS, false),
                allowedFails != null ? allowedFails : RouterSettings.DEFAULT_ALLOWED_FAILS,
                router.seconds("cooldown_time"),
                nonNegativeSeconds(router, "retry_after"),
                fallbacks,
                preCallChecks != null && preCallChecks,
                args.seconds("ttl"),
                buffer != null ? buffer : 0);
    }

    private static String strategy(Section router) {
        String strategy = router.text("routing_strategy");
        if (strategy == null) {
            return DEFAULT_ROUTING_STRATEGY;
        }
        if (!KnownKeys.ROUTING_STRATEGIES.contains(strategy)) {
            throw ConfigException.at(router.pathOf("routing_strategy"), "unknown strategy "
                    + router.shown("routing_strategy") + "; expected one of: "
                    + String.join(", ", new TreeSet<>(KnownKeys.ROUTING_STRATEGIES)));
        }
        return strategy;
    }

    private static Duration nonNegativeSeconds(Section s, String key) {
        BigDecimal seconds = s.decimal(key);
        if (seconds == null) {
            return null;
        }
        if (seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw ConfigException.at(s.pathOf(key), "must be at most 86400 seconds, got " + s.shown(key));
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private static FallbackSettings fallbacks(Section router, Section litellm, Set<String> known) {
        return new FallbackSettings(
                fallbackMap(either(router, litellm, "fallbacks"), "fallbacks", known),
                fallbackMap(either(router, litellm, "context_window_fallbacks"), "context_window_fallbacks", known),
                fallbackMap(either(router, litellm, "content_policy_fallbacks"), "content_policy_fallbacks", known),
                modelNames(either(router, litellm, "default_fallbacks"), "default_fallbacks", known));
    }

    /** router_settings when it has the key, else litellm_settings, as LiteLLM's Router reads them. */
    private static Section either(Section router, Section litellm, String key) {
        return router.has(key) ? router : litellm;
    }

    private static Map<String, List<String>> fallbackMap(Section s, String key, Set<String> known) {
        JsonNode list = s.node().get(key);
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return map;
        }
        String path = s.pathOf(key);
        if (!list.isArray()) {
            throw ConfigException.at(path, FALLBACK_SHAPE + ", got " + Values.describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String p = path + "[" + i + "]";
            if (!entry.isObject() || entry.isEmpty()) {
                throw ConfigException.at(p, FALLBACK_SHAPE + ", got " + Values.describe(entry));
            }
            entry.properties().forEach(e -> map.merge(e.getKey(), names(e.getValue(), p + "." + e.getKey()),
                    (a, b) -> concat(a, b)));
        }
        List<String> all = new ArrayList<>(map.keySet());
        map.values().forEach(all::addAll);
        warnUnknown(s, key, all, known);
        return map;
    }

    private static List<String> modelNames(Section s, String key, Set<String> known) {
        JsonNode n = s.node().get(key);
        List<String> names = n == null || n.isNull() ? List.of() : names(n, s.pathOf(key));
        warnUnknown(s, key, names, known);
        return names;
    }

    private static List<String> names(JsonNode n, String path) {
        if (!n.isArray()) {
            throw ConfigException.at(path, "expected a list of model names, got " + Values.describe(n));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode name = n.get(i);
            if (!name.isTextual() || name.textValue().isBlank()) {
                throw ConfigException.at(path + "[" + i + "]", "expected a model name, got " + Values.describe(name));
            }
            names.add(name.textValue());
        }
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Warns, once per name, about each model name in a fallback list that is no model group. */
    private static void warnUnknown(Section s, String key, Collection<String> names, Set<String> known) {
        for (String name : new TreeSet<>(names)) {
            if (!known.contains(name)) {
                s.warnings().add(s.pathOf(key) + " names \"" + name
                        + "\", which is no model_name in model_list; a fallback to it fails");
            }
        }
    }
}
