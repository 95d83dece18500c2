package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.keys.AdminStore;
import dev.tollgate.keys.KeyStore;
import dev.tollgate.keys.Limits;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.User;
import dev.tollgate.keys.VirtualKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The /team/* operations. Deleting a team deletes its keys and takes it off its users' team
 * lists, so nothing refers to it afterwards. Tells the {@link KeyChangeListener} about every team
 * and key it changes or removes.
 */
final class TeamService {
    /** Teams one /team/delete may name. */
    static final int MAX_DELETE = 100;
    /** Keys /team/info lists with the team, oldest first. */
    static final int INFO_KEYS = 1000;
    /** Attempts at taking a deleted team off a user that another write changed meanwhile. */
    private static final int USER_ATTEMPTS = 3;

    private final AdminStore store;
    private final KeyChangeListener listener;
    private final Clock clock;

    /** A team and its keys, for /team/info. */
    record TeamInfo(Team team, List<VirtualKey> keys) {
    }

    TeamService(AdminStore store, KeyChangeListener listener, Clock clock) {
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    Team create(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        String id = b.has("team_id") ? b.text("team_id") : null;
        String teamId = id == null ? UUID.randomUUID().toString() : id;
        if (store.team(teamId).isPresent()) {
            throw invalid("team_id", "team_id \"" + teamId + "\" exists already.");
        }
        Instant now = clock.instant();
        Team team = apply(b, new Team(teamId, null, List.of(), Limits.NONE, Budget.UNLIMITED, false, null, now, now), now);
        store.createTeam(team);
        return team;
    }

    Team update(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        Team before = find(b.requiredText("team_id"));
        Team after = apply(b, before, Changes.stamp(clock, before.updatedAt()));
        store.updateTeam(before, after);
        listener.teamChanged(after.teamId());
        return after;
    }

    TeamInfo info(String teamId) {
        Team team = find(teamId);
        return new TeamInfo(team, keysOf(teamId));
    }

    List<Team> list() {
        return store.teams();
    }

    /**
     * Deletes the teams named in {@code team_ids}: one missing is a 404 and nothing is deleted. Each
     * team goes before its keys, so a key created meanwhile is refused rather than left behind.
     */
    List<String> delete(Body b) {
        List<String> ids = b.requiredStrings("team_ids", MAX_DELETE);
        List<Team> teams = new ArrayList<>();
        for (String id : ids) {
            teams.add(find(id));
        }
        for (Team team : teams) {
            List<VirtualKey> keys = store.deleteTeam(team);
            dropFromUsers(team.teamId());
            listener.teamChanged(team.teamId());
            keys.forEach(k -> listener.keyChanged(k.tokenHash()));
        }
        return ids;
    }

    /** The team as it is now; a 404 when there is none. */
    Team find(String teamId) {
        return store.currentTeam(teamId).orElseThrow(() ->
                new GatewayException(ErrorKind.NOT_FOUND, "No team \"" + teamId + "\".", "team_id"));
    }

    private List<VirtualKey> keysOf(String teamId) {
        return store.listKeys(KeyStore.KeyFilter.team(teamId), 1, INFO_KEYS).items();
    }

    private void dropFromUsers(String teamId) {
        for (User listed : store.users()) {
            if (listed.teams().contains(teamId)) {
                dropFromUser(listed.userId(), teamId);
            }
        }
    }

    /** Taking a team off a user's list commutes with any other change, so a race is retried, not refused. */
    private void dropFromUser(String userId, String teamId) {
        for (int attempt = 1; ; attempt++) {
            User u = store.user(userId).orElse(null);
            if (u == null || !u.teams().contains(teamId)) {
                return;
            }
            List<String> teams = u.teams().stream().filter(t -> !t.equals(teamId)).toList();
            try {
                store.updateUser(u, new User(u.userId(), u.userEmail(), u.userRole(), teams, u.models(), u.limits(),
                        u.budget(), u.metadata(), u.createdAt(), Changes.stamp(clock, u.updatedAt())));
                return;
            } catch (GatewayException e) {
                boolean retry = e.kind() == ErrorKind.CONFLICT && attempt < USER_ATTEMPTS;
                if (!retry && e.kind() != ErrorKind.NOT_FOUND) {
                    throw e;
                }
            }
        }
    }

    private static Team apply(Body b, Team current, Instant now) {
        return new Team(current.teamId(),
                Changes.text(b, "team_alias", current.teamAlias()),
                Changes.models(b, current.models()),
                Changes.limits(b, current.limits()),
                Changes.budget(b, current.budget(), now),
                Changes.flag(b, "blocked", current.blocked()),
                Changes.metadata(b, current.metadata()),
                current.createdAt(), now);
    }
}
