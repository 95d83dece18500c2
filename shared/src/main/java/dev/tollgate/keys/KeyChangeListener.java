package dev.tollgate.keys;

/**
 * Told by the admin side after it changed or deleted a key or team, so a request-path cache in the
 * same process drops its copy at once. Other processes see the change when their cache entry
 * expires (the cache TTL is the bound).
 */
public interface KeyChangeListener {
    KeyChangeListener NONE = new KeyChangeListener() {
        @Override
        public void keyChanged(String tokenHash) {
        }

        @Override
        public void teamChanged(String teamId) {
        }
    };

    void keyChanged(String tokenHash);

    void teamChanged(String teamId);
}
