package dev.tollgate.router;

import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Message;
import dev.tollgate.openai.ToolCall;

/**
 * A cheap estimate of a prompt's tokens, for pre-call checks and tpm limits: a token per 4 bytes
 * of UTF-8 text, plus 4 per message for its framing. That is close for English and low for most
 * other scripts, on purpose: an estimate that is too high would skip a deployment that could have
 * taken the prompt, while one that is too low only lets the upstream refuse it, which then goes to
 * the context-window fallbacks as usual.
 */
public final class PromptTokens {
    private static final int PER_MESSAGE = 4;

    private PromptTokens() {
    }

    public static int estimate(ChatRequest request) {
        long bytes = 0;
        for (Message m : request.messages()) {
            bytes += utf8Length(m.text());
            if (m.toolCalls() != null) {
                for (ToolCall call : m.toolCalls()) {
                    bytes += utf8Length(call.function().name()) + utf8Length(call.function().arguments());
                }
            }
        }
        long tokens = (bytes + 3) / 4 + (long) PER_MESSAGE * request.messages().size();
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** Embedding input: 4 bytes a token for text, the ids themselves for token arrays. */
    static int estimate(EmbeddingRequest request) {
        long tokens = 0;
        if (request.texts() != null) {
            for (String text : request.texts()) {
                tokens += (utf8Length(text) + 3) / 4;
            }
        } else {
            for (int[] ids : request.tokens()) {
                tokens += ids.length;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    public static int utf8Length(CharSequence s) {
        if (s == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
