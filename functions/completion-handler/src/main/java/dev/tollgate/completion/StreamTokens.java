package dev.tollgate.completion;

import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Usage;
import dev.tollgate.router.PromptTokens;

/**
 * The tokens a stream is charged: the usage the upstream reported, or, when none arrived (the
 * caller went away, the upstream failed mid-stream, the provider sends no usage chunk), an
 * estimate, since the provider bills the call anyway. The estimate is the prompt's
 * ({@link PromptTokens#estimate}) plus a token per 4 bytes of the UTF-8 text streamed so far
 * (content, refusal, reasoning, tool-call names and arguments).
 */
final class StreamTokens {
    private final ChatRequest request;
    private long streamedBytes;
    private Usage reported;

    StreamTokens(ChatRequest request) {
        this.request = request;
    }

    /** Counts one chunk the upstream sent (whether or not it reached the caller). */
    void count(ChatCompletionChunk chunk) {
        if (chunk.usage() != null) {
            reported = chunk.usage();
        }
        for (ChunkChoice choice : chunk.choices()) {
            Delta d = choice.delta();
            if (d == null) {
                continue;
            }
            streamedBytes += PromptTokens.utf8Length(d.content()) + PromptTokens.utf8Length(d.refusal())
                    + PromptTokens.utf8Length(d.reasoningContent());
            if (d.toolCalls() != null) {
                for (ToolCallDelta call : d.toolCalls()) {
                    if (call.function() != null) {
                        streamedBytes += PromptTokens.utf8Length(call.function().name())
                                + PromptTokens.utf8Length(call.function().arguments());
                    }
                }
            }
        }
    }

    /** The usage the upstream reported, or null if it reported none. */
    Usage reported() {
        return reported;
    }

    boolean estimated() {
        return reported == null;
    }

    long promptTokens() {
        return reported != null ? reported.promptTokens() : PromptTokens.estimate(request);
    }

    long completionTokens() {
        return reported != null ? reported.completionTokens() : (streamedBytes + 3) / 4;
    }
}
