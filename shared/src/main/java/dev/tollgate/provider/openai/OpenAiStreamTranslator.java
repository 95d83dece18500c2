package dev.tollgate.provider.openai;

import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.StreamTranslator;
import java.util.List;

/** OpenAI-style streams are already in our shape: parse each event, stop at {@code [DONE]}. */
final class OpenAiStreamTranslator implements StreamTranslator {
    private final String provider;
    private boolean done;

    OpenAiStreamTranslator(String provider) {
        this.provider = provider;
    }

    @Override
    public List<ChatCompletionChunk> translate(SseEvent event) {
        String data = event.data();
        if ("[DONE]".equals(data.strip())) {
            done = true;
            return List.of();
        }
        if (data.isBlank()) {
            return List.of();
        }
        return List.of(OpenAiResponses.chunk(data, provider));
    }

    @Override
    public boolean finished() {
        return done;
    }
}
