package dev.tollgate.openai;

/**
 * Token counts. {@code promptTokensDetails.cachedTokens} is OpenAI's cached-prompt count; the two
 * {@code cache*InputTokens} fields are LiteLLM's names for Anthropic-style prompt caching.
 */
public record Usage(
        int promptTokens,
        int completionTokens,
        int totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        Integer cacheCreationInputTokens,
        Integer cacheReadInputTokens) {

    public record PromptTokensDetails(Integer cachedTokens, Integer audioTokens) {
    }

    public record CompletionTokensDetails(Integer reasoningTokens, Integer audioTokens,
                                          Integer acceptedPredictionTokens, Integer rejectedPredictionTokens) {
    }

    public static Usage of(int prompt, int completion) {
        return new Usage(prompt, completion, prompt + completion, null, null, null, null);
    }
}
