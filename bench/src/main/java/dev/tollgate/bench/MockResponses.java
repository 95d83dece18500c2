package dev.tollgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes the mock sends, in OpenAI's wire format: a {@code chat.completion} object, or the SSE
 * events of a stream ({@code chat.completion.chunk}s, then {@code data: [DONE]}). Built with a
 * StringBuilder rather than a mapper so the mock costs as little CPU as possible.
 */
final class MockResponses {
    static final int PROMPT_TOKENS = 27;
    private static final String[] WORDS = {
        "Tollgate", " routes", " this", " request", " to", " the", " cheapest", " healthy", " deployment",
        " and", " streams", " the", " answer", " back", " to", " you", "."
    };

    private final int chunks;

    MockResponses(int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be >= 1");
        }
        this.chunks = chunks;
    }

    int completionTokens() {
        return chunks;
    }

    static String word(int i) {
        return WORDS[i % WORDS.length];
    }

    byte[] completion(String id, long created, String model) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            text.append(word(i));
        }
        String json = "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + created
                + ",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + text + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}]," + usage() + ",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_bench\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Every event of one stream, each already framed as {@code data: ...\n\n}. */
    List<byte[]> streamEvents(String id, long created, String model, boolean includeUsage) {
        String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":\"" + model + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_bench\","
                + "\"choices\":[{\"index\":0,\"delta\":";
        String tail = includeUsage ? ",\"usage\":null}" : "}";
        List<byte[]> events = new ArrayList<>(chunks + 3);
        for (int i = 0; i < chunks; i++) {
            String delta = i == 0
                    ? "{\"role\":\"assistant\",\"content\":\"" + word(i) + "\",\"refusal\":null}"
                    : "{\"content\":\"" + word(i) + "\"}";
            events.add(event(head + delta + ",\"logprobs\":null,\"finish_reason\":null}]" + tail));
        }
        events.add(event(head + "{},\"logprobs\":null,\"finish_reason\":\"stop\"}]" + tail));
        if (includeUsage) {
            events.add(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                    + ",\"model\":\"" + model + "\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_bench\",\"choices\":[]," + usage() + "}"));
        }
        events.add(event("[DONE]"));
        return events;
    }

    private String usage() {
        return "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + chunks
                + ",\"total_tokens\":" + (PROMPT_TOKENS + chunks)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
