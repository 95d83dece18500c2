package dev.tollgate.testing;

import java.io.InputStream;
import java.util.function.IntUnaryOperator;

/**
 * Hands out its bytes in reads no longer than a policy says for the current position: for tests
 * that must see a stream split at awkward boundaries (inside a line, inside a UTF-8 character).
 */
public final class ChoppedInput extends InputStream {
    private final byte[] bytes;
    private final IntUnaryOperator maxRead;
    private int pos;

    private ChoppedInput(byte[] bytes, IntUnaryOperator maxRead) {
        this.bytes = bytes;
        this.maxRead = maxRead;
    }

    /** Reads that each stop at the next of {@code cuts} (ascending offsets). */
    public static ChoppedInput cutAt(byte[] bytes, int... cuts) {
        return new ChoppedInput(bytes, pos -> {
            for (int cut : cuts) {
                if (cut > pos) {
                    return cut - pos;
                }
            }
            return bytes.length - pos;
        });
    }

    /** Reads of at most {@code size} bytes. */
    public static ChoppedInput trickle(byte[] bytes, int size) {
        return new ChoppedInput(bytes, pos -> size);
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, maxRead.applyAsInt(pos)), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }
}
