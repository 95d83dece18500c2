package dev.tollgate.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes AWS event-stream messages ({@code application/vnd.amazon.eventstream}): a prelude of total
 * length, headers length and the prelude's CRC32; string headers ({@code :message-type},
 * {@code :event-type} or {@code :exception-type}, {@code :content-type}); the payload; the CRC32
 * of everything before it. All integers big-endian.
 */
public final class EventStreamFrames {
    private static final byte STRING_TYPE = 7;

    private EventStreamFrames() {
    }

    /** An {@code event} message of type {@code eventType} with a JSON payload. */
    public static byte[] event(String eventType, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return encode(headers, json);
    }

    /** An {@code exception} message, as a service sends one after a stream has begun. */
    public static byte[] exception(String exceptionType, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return encode(headers, json);
    }

    public static byte[] encode(Map<String, String> headers, byte[] payload) {
        byte[] headerBytes = headers(headers);
        int total = 12 + headerBytes.length + payload.length + 4;
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.putInt(total).putInt(headerBytes.length);
        buf.putInt((int) crc(buf.array(), 0, 8));
        buf.put(headerBytes).put(payload);
        buf.putInt((int) crc(buf.array(), 0, total - 4));
        return buf.array();
    }

    private static byte[] headers(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.write(n.length);
            out.writeBytes(n);
            out.write(STRING_TYPE);
            out.write(v.length >>> 8);
            out.write(v.length & 0xff);
            out.writeBytes(v);
        });
        return out.toByteArray();
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
