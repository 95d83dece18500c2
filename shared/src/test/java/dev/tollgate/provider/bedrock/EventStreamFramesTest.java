package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.testing.EventStreamFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.Message;

/** The test wire's event-stream encoder against the decoder the SDK itself uses, CRCs included. */
class EventStreamFramesTest {
    private static final byte[] PAYLOAD = "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"héllo 🚀\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void encodesEventsTheSdkDecoderReadsBack() {
        Message m = Message.decode(ByteBuffer.wrap(EventStreamFrames.event("contentBlockDelta", PAYLOAD)));
        assertEquals("event", m.getHeaders().get(":message-type").getString());
        assertEquals("contentBlockDelta", m.getHeaders().get(":event-type").getString());
        assertEquals("application/json", m.getHeaders().get(":content-type").getString());
        assertArrayEquals(PAYLOAD, m.getPayload());
    }

    @Test
    void encodesExceptionsWithTheirType() {
        Message m = Message.decode(ByteBuffer.wrap(EventStreamFrames.exception("throttlingException",
                "{\"message\":\"slow\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("exception", m.getHeaders().get(":message-type").getString());
        assertEquals("throttlingException", m.getHeaders().get(":exception-type").getString());
    }

    @Test
    void aFlippedPayloadByteFailsTheMessageCrc() {
        byte[] frame = EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8));
        frame[frame.length - 6] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Message.decode(ByteBuffer.wrap(frame)));
    }

    @Test
    void aFlippedLengthByteFailsThePreludeCrc() {
        byte[] frame = EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8));
        frame[3] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Message.decode(ByteBuffer.wrap(frame)));
    }
}
