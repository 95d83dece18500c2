package dev.tollgate.keys;

import java.util.List;
import java.util.Optional;

/**
 * The admin side's store of keys: by hash, with unique aliases. Implemented by
 * {@link DynamoKeyStore}. Writes that would break an invariant fail with a
 * {@link dev.tollgate.error.GatewayException}: a taken alias is a 400 naming {@code key_alias}, a
 * missing team a 400 naming {@code team_id}, a vanished item a 404, and an item changed since it
 * was read (its {@code updated_at} moved) a 409. Spend is never set here; the request path adds to
 * it, and only regenerate carries it over to the new hash.
 */
public interface KeyStore extends KeyLookup {
    /** Stores a new key (and its alias). */
    void createKey(VirtualKey key);

    /**
     * Rewrites the settings that differ between {@code before} (as read by {@link #currentKey}) and
     * {@code after} (same hash); moves its alias when that changed. A 409 when the key changed
     * since {@code before} was read.
     */
    void updateKey(VirtualKey before, VirtualKey after);

    /**
     * Swaps a key for one with a new hash (regenerate): the old hash stops working at once. The new
     * key gets the old one's spend as it is at the swap, increments that landed after {@code before}
     * was read included. A 409 when the key's settings changed since {@code before} was read.
     */
    void replaceKey(VirtualKey before, VirtualKey after);

    /** Deletes keys and their aliases. */
    void deleteKeys(List<VirtualKey> keys);

    /** The key as it is now (a strongly consistent read), for a read-modify-write. */
    Optional<VirtualKey> currentKey(String tokenHash);

    /** The hash of the key holding this alias (a strongly consistent read). */
    Optional<String> hashByAlias(String keyAlias);

    /** Keys matching every non-null filter, oldest first, one page of them. */
    Page<VirtualKey> listKeys(KeyFilter filter, int page, int size);

    /** Filters of {@code /key/list}; null means any. */
    record KeyFilter(String teamId, String userId, String keyAlias) {
        public static final KeyFilter ALL = new KeyFilter(null, null, null);

        public static KeyFilter team(String teamId) {
            return new KeyFilter(teamId, null, null);
        }

        public static KeyFilter user(String userId) {
            return new KeyFilter(null, userId, null);
        }

        boolean matches(VirtualKey k) {
            return (teamId == null || teamId.equals(k.teamId())) && (userId == null || userId.equals(k.userId()))
                    && (keyAlias == null || keyAlias.equals(k.keyAlias()));
        }
    }

    /** One page of a list and how many there are in all. */
    record Page<T>(List<T> items, int totalCount) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
