package dev.tollgate.keys;

import java.util.List;
import java.util.Optional;

/** The admin side's store of teams. Implemented by {@link DynamoKeyStore}. */
public interface TeamStore {
    Optional<Team> team(String teamId);

    /** Stores a new team; a 400 when its id is taken. */
    void createTeam(Team team);

    /** Rewrites a team's settings (never its spend); a 404 when it is gone. */
    void updateTeam(Team team);

    /** Deletes the team and these keys (its keys). */
    void deleteTeam(Team team, List<VirtualKey> keys);

    /** Every team, oldest first. */
    List<Team> teams();
}
