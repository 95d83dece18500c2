package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/** One part of a multi-part message content. */
public sealed interface ContentPart {

    /** Text, with Anthropic's {@code cache_control} marker when the caller set one (a prompt-cache breakpoint). */
    record TextPart(String text, JsonNode cacheControl) implements ContentPart {
        public TextPart(String text) {
            this(text, null);
        }

        @JsonProperty("type")
        public String type() {
            return "text";
        }
    }

    /** An image by URL, either {@code https://...} or a base64 {@code data:} URL. */
    record ImagePart(ImageUrl imageUrl) implements ContentPart {
        @JsonProperty("type")
        public String type() {
            return "image_url";
        }
    }

    /** A part type we do not translate (audio, file ...), kept as it came for OpenAI-style upstreams. */
    record OtherPart(@JsonValue JsonNode raw) implements ContentPart {
        @JsonIgnore
        public String type() {
            return raw.path("type").asText();
        }
    }

    record ImageUrl(String url, String detail) {
        /** The decoded parts of a {@code data:<media type>;base64,<data>} URL, or null for a plain URL. */
        @JsonIgnore
        public DataUrl dataUrl() {
            return DataUrl.parse(url);
        }
    }

    record DataUrl(String mediaType, String base64Data) {
        /** The parts of {@code data:<media type>;base64,<data>}, or null for anything else (null included). */
        public static DataUrl parse(String url) {
            if (url == null || !url.startsWith("data:")) {
                return null;
            }
            int comma = url.indexOf(',');
            int semi = url.indexOf(";base64");
            if (comma < 0 || semi < 0 || semi > comma) {
                return null;
            }
            return new DataUrl(url.substring(5, semi), url.substring(comma + 1));
        }

        public byte[] decode() {
            return Base64.getDecoder().decode(base64Data);
        }
    }
}
