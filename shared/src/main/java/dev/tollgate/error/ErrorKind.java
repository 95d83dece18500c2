package dev.tollgate.error;

/**
 * The closed vocabulary of failures. Each kind knows the HTTP status and OpenAI error {@code type}
 * a caller sees, and whether another attempt (retry on the same model group, or a fallback) may
 * succeed where this one failed.
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error", null, false),
    CONTEXT_WINDOW_EXCEEDED(400, "invalid_request_error", "context_length_exceeded", false),
    CONTENT_POLICY(400, "invalid_request_error", "content_policy_violation", false),
    UNKNOWN_MODEL(400, "invalid_request_error", "model_not_found", false),
    AUTHENTICATION(401, "authentication_error", "invalid_api_key", true),
    /** The caller's key or team may not use the model it asked for (LiteLLM's type and status). */
    MODEL_NOT_ALLOWED(401, "key_model_access_denied", "model_not_allowed", false),
    PERMISSION_DENIED(403, "permission_denied_error", null, true),
    NOT_FOUND(404, "not_found_error", null, true),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed", false),
    /** An admin write lost a race: the item changed after it was read. Read it again and retry. */
    CONFLICT(409, "invalid_request_error", "conflict", false),
    TIMEOUT(408, "timeout_error", "timeout", true),
    REQUEST_TOO_LARGE(413, "invalid_request_error", "request_too_large", false),
    RATE_LIMITED(429, "rate_limit_error", "rate_limit_exceeded", true),
    /** The caller's key or team has spent its max_budget (LiteLLM's type, with a 429 as OpenAI's quota errors). */
    BUDGET_EXCEEDED(429, "budget_exceeded", "budget_exceeded", false),
    UPSTREAM_ERROR(502, "api_error", "upstream_error", true),
    UPSTREAM_UNAVAILABLE(503, "api_error", "service_unavailable", true),
    CONNECTION(503, "api_connection_error", "api_connection_error", true),
    INTERNAL(500, "api_error", "internal_error", false);

    private final int status;
    private final String type;
    private final String defaultCode;
    private final boolean mayRetry;

    ErrorKind(int status, String type, String defaultCode, boolean mayRetry) {
        this.status = status;
        this.type = type;
        this.defaultCode = defaultCode;
        this.mayRetry = mayRetry;
    }

    public int status() {
        return status;
    }

    /** OpenAI's {@code error.type}. */
    public String type() {
        return type;
    }

    /** OpenAI's {@code error.code} when the raiser gives none; may be null. */
    public String defaultCode() {
        return defaultCode;
    }

    /** Whether a retry or a fallback to another deployment could succeed where this failed. */
    public boolean mayRetry() {
        return mayRetry;
    }
}
