package dev.tollgate.keys;

import java.util.List;
import java.util.Optional;

/** The admin side's store of internal users. Implemented by {@link DynamoKeyStore}. */
public interface UserStore {
    Optional<User> user(String userId);

    /** Stores a new user; a 400 when its id is taken. */
    void createUser(User user);

    /** Rewrites a user's settings (never its spend); a 404 when it is gone. */
    void updateUser(User user);

    /** Deletes the user and these keys (its keys). */
    void deleteUser(User user, List<VirtualKey> keys);

    /** Every user, oldest first. */
    List<User> users();
}
