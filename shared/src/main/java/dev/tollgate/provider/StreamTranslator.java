package dev.tollgate.provider;

import dev.tollgate.http.SseEvent;

/** A {@link FrameTranslator} for server-sent events. */
public interface StreamTranslator extends FrameTranslator<SseEvent> {
}
