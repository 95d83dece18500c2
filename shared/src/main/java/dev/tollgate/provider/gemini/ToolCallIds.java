package dev.tollgate.provider.gemini;

/**
 * Tool-call ids that carry a Gemini thought signature: {@code <id>__thought__<signature>}. Gemini 3
 * rejects a conversation whose function calls come back without the signatures it gave them; OpenAI
 * clients keep only the id, so the signature travels inside it (LiteLLM's encoding, so ids stay
 * interchangeable with it).
 */
final class ToolCallIds {
    static final String SEPARATOR = "__thought__";

    private ToolCallIds() {
    }

    static String withSignature(String id, String signature) {
        return signature == null || signature.isEmpty() ? id : id + SEPARATOR + signature;
    }

    /** The id Gemini gave (or we generated), without a signature. */
    static String callId(String id) {
        int at = id.indexOf(SEPARATOR);
        return at < 0 ? id : id.substring(0, at);
    }

    /** The signature inside an id, or null. */
    static String signature(String id) {
        if (id == null) {
            return null;
        }
        int at = id.indexOf(SEPARATOR);
        return at < 0 ? null : id.substring(at + SEPARATOR.length());
    }
}
