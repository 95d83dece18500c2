package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden fixture files of one provider, under {@code src/test/resources/<dir>/}. */
public record Golden(String dir) {

    public byte[] bytes(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/" + dir + "/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + dir + "/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    public JsonNode json(String resource) {
        return tree(bytes(resource));
    }

    public static JsonNode tree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as JSON, numbers normalised the way {@link Json#MAPPER} writes them (1.0 as 1). */
    public static JsonNode tree(Object value) {
        return tree(Json.bytes(value));
    }
}
