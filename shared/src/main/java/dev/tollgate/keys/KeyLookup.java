package dev.tollgate.keys;

import java.util.Optional;

/**
 * What the request path reads about a caller: one GetItem each, by primary key. The admin side's
 * store implements it; a cache sits in front of it on the request path.
 */
public interface KeyLookup {
    /** The key whose SHA-256 (lowercase hex) this is. */
    Optional<VirtualKey> keyByHash(String tokenHash);

    Optional<Team> team(String teamId);
}
