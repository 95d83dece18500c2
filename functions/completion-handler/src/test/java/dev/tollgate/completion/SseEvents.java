package dev.tollgate.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A whole SSE response body, split into events, with helpers to reassemble a chat stream. */
record SseEvents(List<Event> events) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static SseEvents parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            events.add(new Event(name, data.toString()));
        }
        return new SseEvents(events);
    }

    boolean endsWithDone() {
        return !events.isEmpty() && "[DONE]".equals(events.get(events.size() - 1).data());
    }

    Event last() {
        return events.get(events.size() - 1);
    }

    /** The chunks (not [DONE], not error events). */
    List<JsonNode> chunks() {
        return events.stream().filter(e -> e.name() == null && !"[DONE]".equals(e.data())).map(Event::json).toList();
    }

    String content() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : chunks()) {
            for (JsonNode choice : c.path("choices")) {
                JsonNode content = choice.path("delta").get("content");
                if (content != null && content.isTextual()) {
                    sb.append(content.textValue());
                }
            }
        }
        return sb.toString();
    }

    /** Tool call arguments reassembled by index, and the id and name each index started with. */
    List<String[]> toolCalls() {
        List<String[]> calls = new ArrayList<>();
        for (JsonNode c : chunks()) {
            for (JsonNode tc : c.path("choices").path(0).path("delta").path("tool_calls")) {
                int index = tc.path("index").asInt();
                while (calls.size() <= index) {
                    calls.add(new String[] {null, null, ""});
                }
                String[] call = calls.get(index);
                if (tc.hasNonNull("id")) {
                    call[0] = tc.get("id").asText();
                }
                if (tc.path("function").hasNonNull("name")) {
                    call[1] = tc.path("function").get("name").asText();
                }
                call[2] += tc.path("function").path("arguments").asText("");
            }
        }
        return calls;
    }

    String finishReason() {
        String reason = null;
        for (JsonNode c : chunks()) {
            JsonNode fr = c.path("choices").path(0).get("finish_reason");
            if (fr != null && fr.isTextual()) {
                reason = fr.textValue();
            }
        }
        return reason;
    }

    JsonNode usage() {
        JsonNode usage = null;
        for (JsonNode c : chunks()) {
            if (c.hasNonNull("usage")) {
                usage = c.get("usage");
            }
        }
        return usage;
    }
}
