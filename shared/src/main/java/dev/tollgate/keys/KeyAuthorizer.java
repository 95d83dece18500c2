package dev.tollgate.keys;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the key a caller presented into a {@link Caller}, and decides what that caller may do.
 * The master key is unrestricted; any other key is hashed (SHA-256, lowercase hex, as LiteLLM
 * stores it) and looked up, then refused with a 401 when unknown, expired or blocked, or when its
 * team is blocked or gone. With no master key configured the gateway is open and keys are not
 * looked at (as LiteLLM without a master key).
 */
public final class KeyAuthorizer {
    private static final System.Logger LOG = System.getLogger("tollgate.keys");

    private final MasterKeyAuth master;
    private final KeyLookup keys;
    private final Clock clock;

    public KeyAuthorizer(Secret masterKey, KeyLookup keys, Clock clock) {
        this.master = new MasterKeyAuth(masterKey);
        this.keys = keys;
        this.clock = clock;
    }

    /** False when no master key is configured: every caller is then {@link Caller#UNRESTRICTED}. */
    public boolean enabled() {
        return master.enabled();
    }

    /** The caller behind a presented key (null when none was sent); a 401 when it may not call at all. */
    public Caller authenticate(String presented) {
        if (!master.enabled()) {
            return Caller.UNRESTRICTED;
        }
        if (presented == null) {
            throw unauthenticated("Missing API key. Pass it as 'Authorization: Bearer <key>'.");
        }
        if (master.isMasterKey(presented)) {
            return Caller.UNRESTRICTED;
        }
        VirtualKey key = read(() -> keys.keyByHash(KeyHashes.hash(presented)))
                .orElseThrow(() -> unauthenticated("Invalid API key."));
        Instant now = clock.instant();
        if (key.blocked()) {
            throw unauthenticated("API key " + key.keyName() + " is blocked.");
        }
        if (key.expiredAt(now)) {
            throw unauthenticated("API key " + key.keyName() + " expired at " + key.expires() + ".");
        }
        if (key.teamId() == null) {
            return new Caller(key, null);
        }
        Team team = read(() -> keys.team(key.teamId()))
                .orElseThrow(() -> unauthenticated("The team of API key " + key.keyName() + " no longer exists."));
        if (team.blocked()) {
            throw unauthenticated("The team of API key " + key.keyName() + " is blocked.");
        }
        return new Caller(key, team);
    }

    /** A 401 listing what the caller may use when its key or team does not allow this model. */
    public void checkModel(Caller caller, String model, List<Deployment> group, Map<String, List<Deployment>> all) {
        if (mayUse(caller, model, group)) {
            return;
        }
        throw new GatewayException(ErrorKind.MODEL_NOT_ALLOWED, "API key " + caller.key().keyName()
                + " is not allowed to access model '" + model + "'. Allowed models: "
                + describe(allowedModels(caller, all)) + ".", "model");
    }

    /** Whether the key's list and its team's list both admit the model. */
    public boolean mayUse(Caller caller, String model, List<Deployment> group) {
        return caller.unrestricted() || ModelAccess.allows(caller.key().models(), model, group)
                && (caller.team() == null || ModelAccess.allows(caller.team().models(), model, group));
    }

    /** The configured model names this caller may use, in config order. */
    public List<String> allowedModels(Caller caller, Map<String, List<Deployment>> all) {
        List<String> allowed = new ArrayList<>();
        all.forEach((name, group) -> {
            if (mayUse(caller, name, group)) {
                allowed.add(name);
            }
        });
        return allowed;
    }

    /** A 429 {@code budget_exceeded} once the key's or its team's spend has reached max_budget. */
    public void checkBudget(Caller caller) {
        if (caller.unrestricted()) {
            return;
        }
        Instant now = clock.instant();
        Budget keyBudget = caller.key().budget();
        if (keyBudget.exhaustedAt(now)) {
            throw budgetExceeded("API key " + caller.key().keyName(), keyBudget);
        }
        if (caller.team() != null && caller.team().budget().exhaustedAt(now)) {
            Team team = caller.team();
            throw budgetExceeded("team " + (team.teamAlias() != null ? team.teamAlias() : team.teamId()), team.budget());
        }
    }

    private static GatewayException budgetExceeded(String who, Budget b) {
        return new GatewayException(ErrorKind.BUDGET_EXCEEDED, "Budget has been exceeded for " + who + ": spend "
                + b.spend().toPlainString() + " USD, max_budget " + b.maxBudget().toPlainString() + " USD"
                + (b.resetAt() != null ? "; it resets at " + b.resetAt() : "") + ".");
    }

    private static String describe(List<String> models) {
        return models.isEmpty() ? "none" : String.join(", ", models);
    }

    private static GatewayException unauthenticated(String message) {
        return new GatewayException(ErrorKind.AUTHENTICATION, message);
    }

    /** A store that cannot answer is a 503, never a 401 and never a stack trace. */
    private static <T> Optional<T> read(java.util.function.Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (GatewayException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "key store unavailable", e);
            throw new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "The key store is unavailable; retry shortly.",
                    null, "key_store_unavailable", null, null);
        }
    }
}
