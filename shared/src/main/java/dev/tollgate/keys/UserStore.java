package dev.tollgate.keys;

import java.util.List;
import java.util.Optional;

/** The admin side's store of internal users. Implemented by {@link DynamoKeyStore}. */
public interface UserStore {
    /** The user as it is now (a strongly consistent read). */
    Optional<User> user(String userId);

    /** Stores a new user; a 400 when its id is taken. */
    void createUser(User user);

    /**
     * Rewrites the settings that differ between {@code before} (as read by {@link #user}) and
     * {@code after}, never spend; a 404 when it is gone, a 409 when it changed since the read.
     */
    void updateUser(User before, User after);

    /** Deletes the user (a 404 when it is gone), then every key that belongs to it; returns those keys. */
    List<VirtualKey> deleteUser(User user);

    /** Every user, oldest first. */
    List<User> users();
}
