package dev.tollgate.testing;

import dev.tollgate.keys.KeyLookup;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.VirtualKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A key store in a map, counting its reads, for tests of what sits in front of the real one. */
public final class InMemoryKeys implements KeyLookup {
    private final Map<String, VirtualKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public InMemoryKeys put(VirtualKey key) {
        keys.put(key.tokenHash(), key);
        return this;
    }

    public InMemoryKeys put(Team team) {
        teams.put(team.teamId(), team);
        return this;
    }

    public void removeKey(String tokenHash) {
        keys.remove(tokenHash);
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public Optional<VirtualKey> keyByHash(String tokenHash) {
        reads.incrementAndGet();
        return Optional.ofNullable(keys.get(tokenHash));
    }

    @Override
    public Optional<Team> team(String teamId) {
        reads.incrementAndGet();
        return Optional.ofNullable(teams.get(teamId));
    }
}
