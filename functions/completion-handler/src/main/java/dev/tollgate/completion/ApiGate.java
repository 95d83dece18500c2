package dev.tollgate.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.JsonBodies;
import dev.tollgate.keys.BearerKey;
import dev.tollgate.keys.Caller;
import dev.tollgate.keys.KeyAuthorizer;
import dev.tollgate.keys.ProviderCredentials;
import dev.tollgate.limits.Admission;
import dev.tollgate.limits.RateLimiter;
import dev.tollgate.limits.Subject;
import dev.tollgate.router.ModelGroups;
import dev.tollgate.spend.SpendAccounting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every OpenAI endpoint does before its own work, in one place: authenticate the caller
 * (before the body is read), read the body as JSON within the size limit, then, once the model is
 * known, check that the caller may use it, that its budgets are not spent, and take its place in
 * the rate limits, setting the {@code x-ratelimit-*} headers whether or not it gets in.
 */
final class ApiGate {
    record Admitted(Caller caller, JsonNode body) {
    }

    private final KeyAuthorizer auth;
    private final RateLimiter limiter;
    private final ProviderCredentials credentials;
    private final SpendAccounting spend;
    private final ModelGroups groups;
    private final long maxBodyBytes;

    ApiGate(KeyAuthorizer auth, RateLimiter limiter, ProviderCredentials credentials, SpendAccounting spend,
            ModelGroups groups, long maxBodyBytes) {
        this.auth = auth;
        this.limiter = limiter;
        this.credentials = credentials;
        this.spend = spend;
        this.groups = groups;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Authenticates only, for endpoints without a body. */
    Caller admit(Exchange ex) {
        return auth.authenticate(BearerKey.from(ex));
    }

    /** Authenticates, then reads the JSON body. */
    Admitted admitJson(Exchange ex) throws IOException {
        Caller caller = admit(ex);
        return new Admitted(caller, JsonBodies.readJson(ex, maxBodyBytes));
    }

    /** The configured model names this caller may use. */
    List<String> models(Caller caller) {
        return caller.unrestricted() ? groups.names() : auth.allowedModels(caller, groups.byName());
    }

    /** Model access (401), budgets (429), then limits (429 with Retry-After); the call's lease when it may go on. */
    GatedCall enter(Exchange ex, Caller caller, String model) {
        if (caller.unrestricted()) {
            return new GatedCall(caller, RateLimiter.Lease.NONE, credentials.forCaller(caller), null, spend);
        }
        List<Deployment> group = groups.byName().get(model);
        auth.checkModel(caller, model, group == null ? List.of() : group, groups.byName());
        if (group == null) {
            groups.resolve(model);
        }
        auth.checkBudget(caller);
        List<Subject> subjects = subjects(caller);
        RateLimiter.Lease lease = RateLimiter.Lease.NONE;
        if (!subjects.isEmpty()) {
            Admission admission = limiter.acquire(subjects);
            admission.status().writeTo(ex::setHeader);
            if (!admission.admitted()) {
                throw admission.refusal();
            }
            lease = admission.lease();
        }
        return new GatedCall(caller, lease, credentials.forCaller(caller), fallback -> auth.mayUse(caller, fallback,
                groups.byName().getOrDefault(fallback, List.of())), spend);
    }

    private static List<Subject> subjects(Caller caller) {
        List<Subject> subjects = new ArrayList<>(2);
        Subject key = new Subject("key:" + caller.key().tokenHash(), "API key " + caller.key().keyName(),
                caller.key().limits());
        if (key.limited()) {
            subjects.add(key);
        }
        if (caller.team() != null) {
            String name = caller.team().teamAlias() != null ? caller.team().teamAlias() : caller.team().teamId();
            Subject team = new Subject("team:" + caller.team().teamId(), "team " + name, caller.team().limits());
            if (team.limited()) {
                subjects.add(team);
            }
        }
        return subjects;
    }
}
