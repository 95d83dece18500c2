package dev.tollgate.provider.azure;

import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.StreamTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's stream translation, minus Azure's content-filter annotations: Azure opens a stream with a
 * chunk that has no choices, an empty id and object, and only {@code prompt_filter_results}, and may
 * send more such chunks carrying only filter results. They say nothing a caller of OpenAI's API
 * expects, so they are dropped; a usage-only chunk has usage and is kept.
 */
final class AzureStreamTranslator implements StreamTranslator {
    private final StreamTranslator openAi;

    AzureStreamTranslator(StreamTranslator openAi) {
        this.openAi = openAi;
    }

    @Override
    public List<ChatCompletionChunk> translate(SseEvent event) {
        List<ChatCompletionChunk> chunks = openAi.translate(event);
        List<ChatCompletionChunk> kept = new ArrayList<>(chunks.size());
        for (ChatCompletionChunk c : chunks) {
            if (!c.choices().isEmpty() || c.usage() != null) {
                kept.add(c);
            }
        }
        return kept;
    }

    @Override
    public boolean finished() {
        return openAi.finished();
    }
}
