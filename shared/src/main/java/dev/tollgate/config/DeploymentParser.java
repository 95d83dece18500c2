package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code model_list} to deployments: provider and model split, key and base URL resolved, ids unique. */
final class DeploymentParser {
    private final Credentials credentials;

    DeploymentParser(Credentials credentials) {
        this.credentials = credentials;
    }

    List<Deployment> parseAll(Section root) {
        List<Section> entries = root.sections("model_list");
        if (entries.isEmpty()) {
            root.warnings().add("model_list is empty: no model will be served");
        }
        List<Deployment> deployments = new ArrayList<>();
        Map<String, String> idPaths = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Section entry = entries.get(i);
            Deployment d = parse(entry, i);
            String idPath = entry.pathOf("model_info.id");
            String previous = idPaths.putIfAbsent(d.id(), idPath);
            if (previous != null) {
                throw ConfigException.at(idPath, "duplicate id \"" + d.id() + "\" (also " + previous + ")");
            }
            deployments.add(d);
        }
        return deployments;
    }

    private Deployment parse(Section entry, int index) {
        entry.warnUnknown(KnownKeys.DEPLOYMENT);
        String modelName = entry.requiredText("model_name");
        Section declared = entry.section("litellm_params");
        if (declared == null) {
            throw ConfigException.at(entry.pathOf("litellm_params"), "missing (required)");
        }
        Section params = credentials.apply(declared);
        ModelSpec spec = ModelSpec.parse(params.requiredText("model"), params.text("custom_llm_provider"),
                params.pathOf("model"), params.pathOf("custom_llm_provider"));
        URI apiBase = apiBase(params, spec.provider());
        Secret apiKey = apiKey(params, spec.provider(), apiBase);
        Section info = entry.section("model_info");
        ModelInfo modelInfo = modelInfo(info, params,
                () -> DeploymentIds.generate(modelName, spec.provider(), spec.upstreamModel(), apiBase, index));
        Map<String, JsonNode> passThrough = withVertexDefaults(spec.provider(), params,
                References.resolveFields(params, KnownKeys.TYPED_PARAMS, true));
        return new Deployment(modelName, spec.provider(), spec.upstreamModel(), apiKey, apiBase,
                apiVersion(params, spec.provider()), params.seconds("timeout"), params.seconds("stream_timeout"),
                params.integer("max_retries", 0), params.integer("rpm", 0), params.integer("tpm", 0),
                params.number("weight"), passThrough, modelInfo);
    }

    /** api_version, else (Azure, as LiteLLM does) {@code AZURE_API_VERSION} from the environment. */
    private static String apiVersion(Section params, ProviderKind provider) {
        String explicit = params.text("api_version");
        if (explicit != null || provider != ProviderKind.AZURE) {
            return explicit;
        }
        return params.env().get("AZURE_API_VERSION");
    }

    /**
     * For vertex_ai, {@code vertex_project}, {@code vertex_location} and {@code vertex_credentials}
     * default, as in LiteLLM, to VERTEXAI_PROJECT, VERTEXAI_LOCATION and GOOGLE_APPLICATION_CREDENTIALS;
     * read here, at load time, so that the request path never reads the environment.
     */
    private static Map<String, JsonNode> withVertexDefaults(ProviderKind provider, Section params,
                                                            Map<String, JsonNode> given) {
        if (provider != ProviderKind.VERTEX_AI) {
            return given;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>(given);
        Map.of("vertex_project", "VERTEXAI_PROJECT", "vertex_location", "VERTEXAI_LOCATION",
                "vertex_credentials", "GOOGLE_APPLICATION_CREDENTIALS").forEach((param, variable) -> {
                    String value = params.env().get(variable);
                    if (!out.containsKey(param) && value != null && !value.isBlank()) {
                        out.put(param, TextNode.valueOf(value));
                    }
                });
        return out;
    }

    /**
     * api_base, else the provider's default (null for providers whose endpoint follows from a region
     * or location); an absolute http(s) URL without one trailing slash.
     */
    private static URI apiBase(Section params, ProviderKind provider) {
        String text = params.text("api_base");
        if (text == null || text.isBlank()) {
            if (!provider.apiBaseRequired() && provider.defaultBaseUrl() == null) {
                return null;
            }
            if (provider.defaultBaseUrl() == null) {
                throw ConfigException.at(params.pathOf("api_base"),
                        "missing (required for provider " + provider.prefix() + ", which has no default URL)");
            }
            return URI.create(provider.defaultBaseUrl());
        }
        String url = text.strip();
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalidBase(params);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw invalidBase(params);
        }
        if (uri.getHost() == null) {
            throw ConfigException.at(params.pathOf("api_base"), "expected a URL with a valid host name"
                    + " (letters, digits, '-' and '.'; no '_'), got " + params.shown("api_base"));
        }
        return uri;
    }

    private static ConfigException invalidBase(Section params) {
        return ConfigException.at(params.pathOf("api_base"),
                "expected an absolute http(s) URL, got " + params.shown("api_base"));
    }

    /**
     * api_key, else the provider's first key variable that is set; may stay null (local servers).
     * Like LiteLLM, the provider's variable is used even for a custom api_base; that is worth a
     * warning, as the key then goes to another host than the provider's.
     */
    private static Secret apiKey(Section params, ProviderKind provider, URI apiBase) {
        Secret explicit = params.secret("api_key");
        if (explicit != null) {
            return explicit;
        }
        String variable = params.env().firstSet(provider.keyEnvVars());
        if (variable == null) {
            return null;
        }
        String defaultBase = provider.defaultBaseUrl();
        if (defaultBase != null && !URI.create(defaultBase).getHost().equalsIgnoreCase(apiBase.getHost())) {
            params.warnings().add(params.pathOf("api_key") + ": not set, so " + variable
                    + " from the environment is sent to " + apiBase.getHost() + "; set api_key if that is not intended");
        }
        return new Secret(params.env().get(variable));
    }

    /** model_info; costs may also be given in litellm_params, as LiteLLM's custom pricing allows. */
    private static ModelInfo modelInfo(Section info, Section params, Supplier<String> generatedId) {
        if (info == null) {
            return new ModelInfo(generatedId.get(), params.decimal("input_cost_per_token"),
                    params.decimal("output_cost_per_token"), null, null, null);
        }
        info.warnUnknown(KnownKeys.MODEL_INFO);
        String id = id(info);
        return new ModelInfo(id != null ? id : generatedId.get(),
                firstNonNull(info.decimal("input_cost_per_token"), params.decimal("input_cost_per_token")),
                firstNonNull(info.decimal("output_cost_per_token"), params.decimal("output_cost_per_token")),
                info.integer("max_input_tokens", 0), info.integer("max_output_tokens", 0), info.text("mode"));
    }

    /** model_info.id: a string, or an integer taken as its digits. */
    private static String id(Section info) {
        JsonNode n = info.node().get("id");
        if (n != null && n.isIntegralNumber()) {
            return n.asText();
        }
        String id = info.text("id");
        if (id != null && id.isBlank()) {
            throw ConfigException.at(info.pathOf("id"), "must not be empty");
        }
        return id;
    }

    private static BigDecimal firstNonNull(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }
}
