package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the mock wires share: cutting streamed text into deltas, and JSON in and out. */
final class WireText {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Into how many deltas the wires that stream by count cut a text. */
    private static final int PIECES = 3;

    private WireText() {
    }

    /** Pieces of {@code codePoints} code points each, so no piece ends inside a surrogate pair. */
    static List<String> piecesOf(String s, int codePoints) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i += codePoints) {
            out.add(new String(cps, i, Math.min(codePoints, cps.length - i)));
        }
        return out;
    }

    /** The text cut into a few pieces at code-point boundaries. */
    static List<String> pieces(String text) {
        int length = (int) text.codePoints().count();
        return piecesOf(text, Math.max(1, (length + PIECES - 1) / PIECES));
    }

    /** A JSON document; blank means {}. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
