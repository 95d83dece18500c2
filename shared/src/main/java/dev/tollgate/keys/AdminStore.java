package dev.tollgate.keys;

/** Everything the key-admin API stores: keys, teams and users, in one place. */
public interface AdminStore extends KeyStore, TeamStore, UserStore {
}
