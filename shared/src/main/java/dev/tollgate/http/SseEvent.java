package dev.tollgate.http;

/** One server-sent event; {@code event} is null when the stream gave no {@code event:} line. */
public record SseEvent(String event, String data) {
}
