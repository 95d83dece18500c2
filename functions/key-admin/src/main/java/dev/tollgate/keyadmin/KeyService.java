package dev.tollgate.keyadmin;

import static dev.tollgate.error.GatewayException.invalid;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.keys.AdminStore;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.KeyStore;
import dev.tollgate.keys.Limits;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.VirtualKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The /key/* operations and their rules: which fields a key takes, a key within its team, aliases
 * unique (the store enforces that), the plain key returned only when it is made. Tells the
 * {@link KeyChangeListener} about every key it changes or removes.
 */
final class KeyService {
    /** Keys one /key/delete may name ({@code keys} and {@code key_aliases} together). */
    static final int MAX_DELETE = 100;
    /** Attempts at a block or unblock that raced another write: setting one flag commutes, so it retries. */
    private static final int BLOCK_ATTEMPTS = 3;

    private final AdminStore store;
    private final KeyChangeListener listener;
    private final Clock clock;

    /** A key just made: the plain key, shown this once, and what was stored. */
    record Generated(String key, VirtualKey stored) {
    }

    KeyService(AdminStore store, KeyChangeListener listener, Clock clock) {
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    Generated generate(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        if (b.has("key")) {
            throw invalid("key", "key: Tollgate makes every key itself from a secure random source; "
                    + "a key chosen by the caller is not accepted.");
        }
        Instant now = clock.instant();
        String plain = KeyHashes.newKey();
        VirtualKey blank = new VirtualKey(KeyHashes.hash(plain), KeyHashes.mask(plain), null, null, null, List.of(),
                Limits.NONE, Budget.UNLIMITED, null, false, null, now, now);
        VirtualKey key = apply(b, blank, now);
        store.createKey(key);
        return new Generated(plain, key);
    }

    /** A 409 when the key changed between this read and the write: the caller's change was made against an old key. */
    VirtualKey update(Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        VirtualKey before = find(b.requiredText("key"));
        VirtualKey after = apply(b, before, Changes.stamp(clock, before.updatedAt()));
        store.updateKey(before, after);
        listener.keyChanged(before.tokenHash());
        return after;
    }

    VirtualKey setBlocked(Body b, boolean blocked) {
        String key = b.requiredText("key");
        for (int attempt = 1; ; attempt++) {
            VirtualKey before = find(key);
            VirtualKey after = new VirtualKey(before.tokenHash(), before.keyName(), before.keyAlias(), before.teamId(),
                    before.userId(), before.models(), before.limits(), before.budget(), before.expires(), blocked,
                    before.metadata(), before.createdAt(), Changes.stamp(clock, before.updatedAt()));
            try {
                store.updateKey(before, after);
            } catch (GatewayException e) {
                if (e.kind() == ErrorKind.CONFLICT && attempt < BLOCK_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            listener.keyChanged(before.tokenHash());
            return after;
        }
    }

    /** A new plain key for the same settings and spend; the old key stops working at once. */
    Generated regenerate(String keyOrHash, Body b) {
        b.rejectReadOnly(Changes.READ_ONLY);
        VirtualKey before = find(keyOrHash);
        Instant now = Changes.stamp(clock, before.updatedAt());
        String plain = KeyHashes.newKey();
        VirtualKey renamed = new VirtualKey(KeyHashes.hash(plain), KeyHashes.mask(plain), before.keyAlias(),
                before.teamId(), before.userId(), before.models(), before.limits(), before.budget(), before.expires(),
                before.blocked(), before.metadata(), before.createdAt(), now);
        VirtualKey after = apply(b, renamed, now);
        store.replaceKey(before, after);
        listener.keyChanged(before.tokenHash());
        return new Generated(plain, after);
    }

    /**
     * Deletes the keys named by {@code keys} (plain or hashed) and {@code key_aliases}; all or
     * nothing: one that does not exist is a 404 and nothing is deleted.
     */
    List<String> delete(Body b) {
        List<String> keys = b.strings("keys", MAX_DELETE);
        List<String> aliases = b.strings("key_aliases", MAX_DELETE);
        if ((keys == null || keys.isEmpty()) && (aliases == null || aliases.isEmpty())) {
            throw invalid("keys", "Give the keys to delete as \"keys\" (keys or their hashes) or \"key_aliases\".");
        }
        if ((keys == null ? 0 : keys.size()) + (aliases == null ? 0 : aliases.size()) > MAX_DELETE) {
            throw invalid(keys == null ? "key_aliases" : "keys", "keys and key_aliases: at most " + MAX_DELETE
                    + " keys per /key/delete; split the list.");
        }
        Map<String, VirtualKey> found = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        for (String key : keys == null ? List.<String>of() : keys) {
            VirtualKey k = find(key);
            found.put(k.tokenHash(), k);
            named.add(key);
        }
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            VirtualKey k = store.hashByAlias(alias).flatMap(store::currentKey).orElseThrow(() ->
                    new GatewayException(ErrorKind.NOT_FOUND, "No key with key_alias \"" + alias + "\".", "key_aliases"));
            found.put(k.tokenHash(), k);
            named.add(alias);
        }
        store.deleteKeys(List.copyOf(found.values()));
        found.keySet().forEach(listener::keyChanged);
        return named;
    }

    KeyStore.Page<VirtualKey> list(KeyStore.KeyFilter filter, int page, int size) {
        return store.listKeys(filter, page, size);
    }

    /** The key named by a plain key or its hash, as it is now; a 404 when there is none. */
    VirtualKey find(String keyOrHash) {
        return store.currentKey(KeyHashes.hashOfKeyOrHash(keyOrHash)).orElseThrow(() ->
                new GatewayException(ErrorKind.NOT_FOUND, "No such key: " + display(keyOrHash) + ".", "key"));
    }

    /**
     * The request's settings onto {@code current}, checked against the key's team. That the team
     * exists is checked again in the write's transaction, so a team deleted meanwhile is still a 400.
     */
    private VirtualKey apply(Body b, VirtualKey current, Instant now) {
        VirtualKey k = new VirtualKey(current.tokenHash(), current.keyName(),
                Changes.text(b, "key_alias", current.keyAlias()),
                Changes.text(b, "team_id", current.teamId()),
                Changes.text(b, "user_id", current.userId()),
                Changes.models(b, current.models()),
                Changes.limits(b, current.limits()),
                Changes.budget(b, current.budget(), now),
                Changes.expires(b, current.expires(), now),
                Changes.flag(b, "blocked", current.blocked()),
                Changes.metadata(b, current.metadata()),
                current.createdAt(), now);
        if (k.teamId() != null) {
            Team team = store.currentTeam(k.teamId()).orElseThrow(() ->
                    invalid("team_id", "team_id: no team \"" + k.teamId() + "\"; create it with /team/new first."));
            TeamNarrowing.check(k, team);
        }
        return k;
    }

    /** A plain key is never echoed whole in an error: only its masked form. */
    private static String display(String keyOrHash) {
        return KeyHashes.isHash(keyOrHash) ? keyOrHash : KeyHashes.mask(keyOrHash);
    }
}
