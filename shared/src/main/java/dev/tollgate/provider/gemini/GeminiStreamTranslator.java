package dev.tollgate.provider.gemini;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.provider.StreamTranslator;
import dev.tollgate.provider.gemini.GenerateWire.Candidate;
import dev.tollgate.provider.gemini.GenerateWire.Part;
import dev.tollgate.provider.gemini.GenerateWire.Response;
import dev.tollgate.provider.gemini.GenerateWire.UsageMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's {@code streamGenerateContent?alt=sse} to OpenAI chunks, for one stream. Each event's data
 * is a whole {@code GenerateContentResponse}: the first yields a role chunk, text parts yield content
 * deltas, a function call yields one complete tool-call delta (id, name and all arguments), a
 * finishReason yields the finish chunk followed by a usage-only chunk, and ends the stream. Gemini
 * has no end marker of its own: a body that ends before a finishReason was cut.
 */
public final class GeminiStreamTranslator implements StreamTranslator {
    private final String provider;
    private final long created;
    private final String id;
    private String model;
    private final Set<Integer> started = new HashSet<>();
    private final Map<Integer, Integer> toolCounts = new HashMap<>();
    private UsageMetadata usage;
    private boolean finished;

    /**
     * @param provider the provider's name, for messages
     * @param model    the model to report until a chunk names one
     * @param id       the id every chunk carries
     * @param created  the chunks' {@code created}, in epoch seconds
     */
    public GeminiStreamTranslator(String provider, String model, String id, long created) {
        this.provider = provider;
        this.model = model;
        this.id = id;
        this.created = created;
    }

    @Override
    public List<ChatCompletionChunk> translate(SseEvent event) {
        if (event.data() == null || event.data().isBlank()) {
            return List.of();
        }
        Response r = parse(event.data());
        if (r.error() != null) {
            throw GeminiErrors.fromStreamError(provider, r.error());
        }
        if (r.modelVersion() != null) {
            model = r.modelVersion();
        }
        if (r.usageMetadata() != null) {
            usage = r.usageMetadata();
        }
        if ((r.candidates() == null || r.candidates().isEmpty()) && r.promptFeedback() != null
                && r.promptFeedback().blockReason() != null) {
            throw GeminiResponses.blocked(r, provider);
        }
        List<ChatCompletionChunk> out = new ArrayList<>();
        if (r.candidates() != null) {
            for (int i = 0; i < r.candidates().size(); i++) {
                Candidate c = r.candidates().get(i);
                onCandidate(c.index() != null ? c.index() : i, c, out);
            }
        }
        if (finished) {
            out.add(ChatCompletionChunk.usageOnly(id, created, model, GeminiResponses.usage(usage)));
        }
        return out;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    private void onCandidate(int index, Candidate c, List<ChatCompletionChunk> out) {
        if (started.add(index)) {
            out.add(chunk(index, Delta.role("assistant"), null));
        }
        List<Part> parts = c.content() == null || c.content().parts() == null ? List.of() : c.content().parts();
        for (Part p : parts) {
            if (p.functionCall() != null) {
                int n = toolCounts.merge(index, 1, Integer::sum) - 1;
                ToolCall call = GeminiResponses.toolCall(p.functionCall(), p.thoughtSignature(), n);
                out.add(chunk(index, Delta.toolCall(new ToolCallDelta(n, call.id(), "function",
                        new ToolCallDelta.FunctionDelta(call.function().name(), call.function().arguments()))), null));
            } else if (p.text() != null && !p.text().isEmpty()) {
                Delta d = Boolean.TRUE.equals(p.thought()) ? new Delta(null, null, null, null, p.text())
                        : Delta.content(p.text());
                out.add(chunk(index, d, null));
            }
        }
        if (c.finishReason() != null && !c.finishReason().isEmpty()) {
            out.add(chunk(index, Delta.EMPTY, GeminiResponses.finishReason(c.finishReason(),
                    toolCounts.getOrDefault(index, 0) > 0)));
            finished = true;
        }
    }

    private ChatCompletionChunk chunk(int index, Delta delta, String finishReason) {
        return ChatCompletionChunk.of(id, created, model, List.of(ChunkChoice.of(index, delta, finishReason)));
    }

    private Response parse(String data) {
        try {
            Response r = Json.MAPPER.readValue(data, Response.class);
            if (r == null) {
                throw new IOException("null");
            }
            return r;
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " sent a stream chunk that is not JSON.");
        }
    }
}
