package dev.tollgate.keys;

/**
 * Who is calling: a virtual key with its team (null when the key has none), or {@link #UNRESTRICTED}
 * for the master key and for a gateway run without one, which no limit, budget or model list binds.
 */
public record Caller(VirtualKey key, Team team) {
    public static final Caller UNRESTRICTED = new Caller(null, null);

    public boolean unrestricted() {
        return key == null;
    }
}
