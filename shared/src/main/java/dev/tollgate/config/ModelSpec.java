package dev.tollgate.config;

/**
 * A deployment's {@code litellm_params.model} split into provider and the model id sent upstream.
 * The provider is the prefix before the first slash ({@code together_ai/meta-llama/Llama-3-70b}
 * is together_ai and {@code meta-llama/Llama-3-70b}); without a slash, {@code claude*} is
 * Anthropic and anything else OpenAI. {@code custom_llm_provider}, when set, names the provider
 * instead, and the model keeps its slashes unless it starts with that provider's prefix (as in
 * LiteLLM's {@code get_llm_provider}).
 */
record ModelSpec(ProviderKind provider, String upstreamModel) {

    static ModelSpec parse(String model, String customProvider, String modelPath, String customPath) {
        if (customProvider != null) {
            ProviderKind kind = known(customProvider, customPath, "\"" + customProvider + "\"");
            String rest = model.startsWith(customProvider + "/") ? model.substring(customProvider.length() + 1) : model;
            return new ModelSpec(kind, requireId(rest, model, modelPath));
        }
        int slash = model.indexOf('/');
        if (slash < 0) {
            return new ModelSpec(model.startsWith("claude") ? ProviderKind.ANTHROPIC : ProviderKind.OPENAI, model);
        }
        String prefix = model.substring(0, slash);
        ProviderKind kind = known(prefix, modelPath, "\"" + prefix + "\" in \"" + model + "\"");
        return new ModelSpec(kind, requireId(model.substring(slash + 1), model, modelPath));
    }

    private static ProviderKind known(String prefix, String path, String shown) {
        ProviderKind kind = ProviderKind.fromPrefix(prefix);
        if (kind == null) {
            throw ConfigException.at(path, "unknown provider " + shown + "; known providers: "
                    + String.join(", ", ProviderKind.prefixes()));
        }
        return kind;
    }

    private static String requireId(String id, String model, String path) {
        if (id.isBlank()) {
            throw ConfigException.at(path, "no model id after the provider in \"" + model + "\"");
        }
        return id;
    }
}
