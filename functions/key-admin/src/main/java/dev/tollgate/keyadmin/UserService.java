package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.tollgate.openai.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The /user/* operations. As in LiteLLM, /user/new also makes the user a key unless
 * {@code auto_create_key} is false; deleting a user deletes the user's keys.
 */
final class UserService {
    static final String DEFAULT_ROLE = "internal_user";
    /** Users one /user/delete may name. */
    static final int MAX_DELETE = 100;

    private final AdminStore store;
    private final KeyService keys;
    private final KeyChangeListener listener;
    private final Clock clock;

    /** A new user and, unless asked not to, the key made for it. */
    record Created(User user, KeyService.Generated key) {
    }

    /** A user, its keys and its teams, for /user/info. */
    record UserInfo(User user, List<VirtualKey> keys, List<Team> teams) {
    }

    UserService(AdminStore store, KeyService keys, KeyChangeListener listener, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.listener = listener;
        this.clock = clock;
    }

    Created create(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        String id = b.text("user_id");
        String userId = id == null ? UUID.randomUUID().toString() : id;
        if (store.user(userId).isPresent()) {
            throw invalid("user_id", "user_id \"" + userId + "\" exists already.");
        }
        boolean withKey = Changes.flag(b, "auto_create_key", true);
        Instant now = clock.instant();
        User user = apply(b, new User(userId, null, DEFAULT_ROLE, List.of(), List.of(), Limits.NONE,
                Budget.UNLIMITED, null, now, now), now);
        store.createUser(user);
        return new Created(user, withKey ? keys.generate(new Body(keyRequest(b, user))) : null);
    }

    User update(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        User before = find(b.requiredText("user_id"));
        User after = apply(b, before, Changes.stamp(clock, before.updatedAt()));
        store.updateUser(before, after);
        return after;
    }

    UserInfo info(String userId) {
        User user = find(userId);
        List<Team> teams = new ArrayList<>();
        for (String teamId : user.teams()) {
            store.team(teamId).ifPresent(teams::add);
        }
        return new UserInfo(user, keysOf(userId), teams);
    }

    /**
     * Deletes the users named in {@code user_ids} and then their keys; one missing is a 404 and
     * nothing is deleted.
     */
    List<String> delete(Body b) {
        List<String> ids = b.requiredStrings("user_ids", MAX_DELETE);
        List<User> users = new ArrayList<>();
        for (String id : ids) {
            users.add(find(id));
        }
        for (User user : users) {
            List<VirtualKey> owned = store.deleteUser(user);
            owned.forEach(k -> listener.keyChanged(k.tokenHash()));
        }
        return ids;
    }

    private User find(String userId) {
        return store.user(userId).orElseThrow(() ->
                new GatewayException(ErrorKind.NOT_FOUND, "No user \"" + userId + "\".", "user_id"));
    }

    private List<VirtualKey> keysOf(String userId) {
        return store.listKeys(KeyStore.KeyFilter.user(userId), 1, TeamService.INFO_KEYS).items();
    }

    /** The key /user/new makes: the user's, with the user's models, and the alias and duration asked for. */
    private static ObjectNode keyRequest(Body b, User user) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("user_id", user.userId());
        request.set("models", Json.MAPPER.valueToTree(user.models()));
        String alias = b.text("key_alias");
        if (alias != null) {
            request.put("key_alias", alias);
        }
        String duration = b.text("duration");
        if (duration != null) {
            request.put("duration", duration);
        }
        return request;
    }

    private User apply(Body b, User current, Instant now) {
        List<String> teams = Changes.strings(b, "teams", current.teams());
        for (String teamId : teams) {
            if (store.currentTeam(teamId).isEmpty()) {
                throw invalid("teams", "teams: no team \"" + teamId + "\"; create it with /team/new first.");
            }
        }
        return new User(current.userId(),
                Changes.text(b, "user_email", current.userEmail()),
                Changes.text(b, "user_role", current.userRole()),
                teams,
                Changes.models(b, current.models()),
                Changes.limits(b, current.limits()),
                Changes.budget(b, current.budget(), now),
                Changes.metadata(b, current.metadata()),
                current.createdAt(), now);
    }
}
