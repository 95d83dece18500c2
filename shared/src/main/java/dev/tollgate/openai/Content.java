package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** A message's content: a plain string, or a list of parts. The two serialize as they came. */
public sealed interface Content {

    /** All the text in this content, parts joined by nothing; images and other parts skipped. */
    String text();

    record Text(@JsonValue String value) implements Content {
        @Override
        public String text() {
            return value;
        }
    }

    record Parts(@JsonValue List<ContentPart> parts) implements Content {
        public Parts {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (ContentPart p : parts) {
                if (p instanceof ContentPart.TextPart t) {
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }
    }

    static Content of(String text) {
        return new Text(text);
    }
}
