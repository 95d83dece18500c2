package dev.tollgate.keys;

import java.util.List;
import java.util.Optional;

/** The admin side's store of teams. Implemented by {@link DynamoKeyStore}. */
public interface TeamStore {
    /** The team, eventually consistent: the request path's read. */
    Optional<Team> team(String teamId);

    /** The team as it is now (a strongly consistent read), for a read-modify-write. */
    Optional<Team> currentTeam(String teamId);

    /** Stores a new team; a 400 when its id is taken. */
    void createTeam(Team team);

    /**
     * Rewrites the settings that differ between {@code before} (as read by {@link #currentTeam})
     * and {@code after}, never spend; a 404 when it is gone, a 409 when it changed since the read.
     */
    void updateTeam(Team before, Team after);

    /**
     * Deletes the team (a 404 when it is gone), then every key that belongs to it; returns those
     * keys. The team goes first, so no key can join it meanwhile.
     */
    List<VirtualKey> deleteTeam(Team team);

    /** Every team, oldest first. */
    List<Team> teams();
}
