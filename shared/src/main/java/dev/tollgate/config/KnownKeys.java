package dev.tollgate.config;

import java.util.Set;

/**
 * The LiteLLM config keys Tollgate knows. Any other key is reported as a warning, never an error,
 * so a LiteLLM config with settings Tollgate ignores still loads.
 */
final class KnownKeys {
    private KnownKeys() {
    }

    static final Set<String> TOP_LEVEL = Set.of(
            "model_list", "router_settings", "litellm_settings", "general_settings", "environment_variables",
            "include", "guardrails", "credential_list", "files_settings", "assistant_settings");

    static final Set<String> DEPLOYMENT = Set.of("model_name", "litellm_params", "model_info");

    /** litellm_params keys read into Deployment fields; every other key is a provider param. */
    static final Set<String> TYPED_PARAMS = Set.of(
            "model", "custom_llm_provider", "litellm_credential_name", "api_key", "api_base", "api_version",
            "timeout", "stream_timeout", "max_retries", "rpm", "tpm", "weight",
            "input_cost_per_token", "output_cost_per_token");

    static final Set<String> MODEL_INFO = Set.of(
            "id", "input_cost_per_token", "output_cost_per_token", "max_input_tokens", "max_output_tokens", "mode",
            // read by LiteLLM for pricing and capability lookups; common in real configs
            "base_model", "max_tokens", "litellm_provider", "access_groups", "description", "tpm", "rpm",
            "cache_read_input_token_cost", "cache_creation_input_token_cost", "supports_function_calling",
            "supports_parallel_function_calling", "supports_vision", "supports_response_schema",
            "supports_prompt_caching", "supports_reasoning", "supports_system_messages", "supports_tool_choice",
            "supports_audio_input", "supports_audio_output", "supports_pdf_input", "supports_web_search");

    static final Set<String> ROUTER_SETTINGS = Set.of(
            "routing_strategy", "num_retries", "timeout", "stream_timeout",
            "allowed_fails", "cooldown_time", "fallbacks", "context_window_fallbacks", "content_policy_fallbacks",
            "default_fallbacks", "enable_pre_call_checks", "retry_after", "redis_host", "redis_port",
            "redis_password", "redis_url", "model_group_alias", "routing_strategy_args", "allowed_fails_policy",
            "retry_policy", "cache_responses", "provider_budget_config");

    static final Set<String> ROUTING_STRATEGIES = Set.of(
            "simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing",
            "usage-based-routing-v2", "cost-based-routing");

    static final Set<String> LITELLM_SETTINGS = Set.of(
            "drop_params", "num_retries", "request_timeout", "set_verbose", "json_logs", "success_callback",
            "failure_callback", "callbacks", "cache", "cache_params", "fallbacks", "context_window_fallbacks",
            "content_policy_fallbacks", "default_fallbacks", "max_budget", "budget_duration", "modify_params",
            "turn_off_message_logging", "redact_user_api_key_info", "telemetry", "max_end_user_budget",
            "default_team_settings", "default_key_generate_params", "upperbound_key_generate_params",
            "enable_preview_features");

    static final Set<String> GENERAL_SETTINGS = Set.of(
            "master_key", "database_url", "store_model_in_db", "alerting", "proxy_batch_write_at",
            "disable_spend_logs", "allowed_routes", "public_routes", "enforce_user_param", "max_parallel_requests",
            "global_max_parallel_requests", "background_health_checks", "health_check_interval",
            "user_header_name", "max_request_body_size_mb", "key_management_system", "key_management_settings",
            "user_api_key_cache_ttl");

    static final Set<String> CREDENTIAL = Set.of("credential_name", "credential_values", "credential_info");
}
