package dev.tollgate.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** One scripted reaction of {@link MockUpstream} to the next request. */
public sealed interface Behavior {

    /** A normal answer: a body, or a stream when the request asks for one. */
    record Reply(Answer answer) implements Behavior {
    }

    /** An error status with the provider's error body and extra headers (e.g. Retry-After). */
    record Fail(int status, String message, Map<String, String> headers) implements Behavior {
    }

    /** Sends an error status and the start of its body, then stalls for {@code duration}. */
    record StalledError(int status, Duration duration) implements Behavior {
    }

    /** Accepts the request and answers nothing for {@code duration}. */
    record Hang(Duration duration) implements Behavior {
    }

    /** Streams the first {@code afterFrames} frames, then ends the body without the end marker. */
    record CutStream(Answer answer, int afterFrames) implements Behavior {
    }

    /** Streams the first {@code afterFrames} frames, then the provider's in-stream error event. */
    record ErrorMidStream(Answer answer, int afterFrames, String message) implements Behavior {
    }

    /** Sends the whole answer (body or stream) in pieces of {@code fragmentBytes}, flushing each. */
    record Fragmented(Answer answer, int fragmentBytes) implements Behavior {
    }

    /** Streams with a pause before each frame. */
    record SlowStream(Answer answer, Duration perFrame) implements Behavior {
    }

    /** Holds the request, answering nothing, until {@code release} opens; then answers as {@link Reply}. */
    record Held(Answer answer, CountDownLatch release) implements Behavior {
    }

    /** Closes the connection without any response. */
    record Drop() implements Behavior {
    }

    static Behavior reply(Answer answer) {
        return new Reply(answer);
    }

    static Behavior fail(int status, String message) {
        return new Fail(status, message, Map.of());
    }
}
