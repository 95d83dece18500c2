package dev.tollgate.config;

/** A credential. Its {@code toString} never shows the value, so it can't leak into a log line. */
public record Secret(String value) {

    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
