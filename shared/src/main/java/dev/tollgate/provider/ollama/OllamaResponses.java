package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.FinishReason;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.openai.Usage;
import dev.tollgate.provider.ollama.OllamaWire.ChatLine;
import dev.tollgate.provider.ollama.OllamaWire.WireMessage;
import dev.tollgate.provider.ollama.OllamaWire.WireToolCall;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Ollama's {@code /api/chat} answers into our records. Pure: ids derive from {@code idSeed}
 * (the gateway's request id), and {@code now} stands in when the answer has no readable
 * {@code created_at}. Tool calls keep Ollama's ids where it sends them, else get {@code call_<seed>_<n>}.
 */
final class OllamaResponses {
    private static final ObjectReader LINE_READER = Json.MAPPER.readerFor(ChatLine.class);

    private OllamaResponses() {
    }

    static ChatCompletion toOpenAi(byte[] body, String provider, String idSeed, long now) {
        ChatLine line = read(body, provider);
        if (line.error() != null) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " failed: "
                    + OllamaErrors.message(line.error()));
        }
        WireMessage m = line.message();
        if (m == null) {
            throw unreadable(provider, null);
        }
        List<ToolCall> calls = toolCalls(m.toolCalls(), idSeed, 0);
        var message = new ChatCompletion.AssistantMessage("assistant", m.content() == null ? "" : m.content(),
                calls, null, blankToNull(m.thinking()));
        var choice = new ChatCompletion.Choice(0, message, finishReason(line.doneReason(), !calls.isEmpty()), null);
        return ChatCompletion.of(completionId(idSeed), created(line.createdAt(), now), line.model(),
                List.of(choice), usage(line));
    }

    static ChatLine read(byte[] body, String provider) {
        try {
            return LINE_READER.readValue(body);
        } catch (IOException e) {
            throw unreadable(provider, e);
        }
    }

    static ChatLine read(String line, String provider) {
        try {
            return LINE_READER.readValue(line);
        } catch (IOException e) {
            throw unreadable(provider, e);
        }
    }

    /** Ollama's done_reason to OpenAI's: stop, length; a turn that called tools ends in tool_calls. */
    static String finishReason(String doneReason, boolean calledTools) {
        if (calledTools) {
            return FinishReason.TOOL_CALLS;
        }
        return "length".equals(doneReason) ? FinishReason.LENGTH : FinishReason.STOP;
    }

    /** Arguments object to OpenAI's JSON string; {@code firstIndex} numbers calls across stream lines. */
    static List<ToolCall> toolCalls(List<WireToolCall> calls, String idSeed, int firstIndex) {
        List<ToolCall> out = new ArrayList<>();
        if (calls == null) {
            return out;
        }
        for (WireToolCall c : calls) {
            int n = firstIndex + out.size();
            String id = c.id() == null || c.id().isBlank() ? "call_" + idSeed + "_" + n : c.id();
            String name = c.function() == null ? null : c.function().name();
            JsonNode args = c.function() == null ? null : c.function().arguments();
            String json = args == null || args.isNull() ? "{}" : args.isTextual() ? args.textValue() : args.toString();
            out.add(ToolCall.function(id, name, json));
        }
        return out;
    }

    static Usage usage(ChatLine line) {
        return Usage.of(line.promptEvalCount() == null ? 0 : line.promptEvalCount(),
                line.evalCount() == null ? 0 : line.evalCount());
    }

    static String completionId(String idSeed) {
        return "chatcmpl-" + idSeed;
    }

    static long created(String createdAt, long now) {
        if (createdAt == null) {
            return now;
        }
        try {
            return OffsetDateTime.parse(createdAt).toEpochSecond();
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static GatewayException unreadable(String provider, Exception cause) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned a response that is not "
                + "an Ollama chat answer.", null, null, null, cause);
    }
}
