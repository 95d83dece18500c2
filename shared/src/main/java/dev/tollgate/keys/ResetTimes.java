package dev.tollgate.keys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "{@code budget_reset_at} is after now" as a DynamoDB condition. The attribute holds ISO-8601 text
 * as {@link Instant#toString} writes it, with 0, 3, 6 or 9 fraction digits, and such texts do not
 * sort as the instants do ({@code 10:00:00Z} sorts after {@code 10:00:00.5Z}). Texts of the same
 * length do, so the stored text is compared with now written to its own precision: with
 * {@code n} digits, reset &gt; now exactly when reset &gt; now cut to {@code n} digits.
 */
final class ResetTimes {
    private static final int[] DIGITS = {0, 3, 6, 9};
    private static final int SECONDS_TEXT = "2026-01-01T00:00:00Z".length();

    static final String AFTER_NOW = afterNow();

    private ResetTimes() {
    }

    private static String afterNow() {
        StringBuilder b = new StringBuilder();
        for (int digits : DIGITS) {
            b.append(b.isEmpty() ? "" : " OR ").append("(size(budget_reset_at) = :len").append(digits)
                    .append(" AND budget_reset_at > :now").append(digits).append(')');
        }
        return b.toString();
    }

    /** The values {@link #AFTER_NOW} refers to. */
    static Map<String, AttributeValue> nowValues(Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int digits : DIGITS) {
            values.put(":len" + digits, AttributeValue.fromN(Integer.toString(SECONDS_TEXT + (digits == 0 ? 0 : digits + 1))));
            values.put(":now" + digits, AttributeValue.fromS(text(now, digits)));
        }
        return values;
    }

    /** {@code now} cut (not rounded) to {@code digits} fraction digits, written with exactly that many. */
    static String text(Instant now, int digits) {
        String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)) + "'Z'";
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(now);
    }
}
