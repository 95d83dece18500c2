package dev.tollgate.keyadmin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.Limits;
import dev.tollgate.keys.Team;
import dev.tollgate.keys.User;
import dev.tollgate.keys.VirtualKey;
import dev.tollgate.openai.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the admin API answers, in LiteLLM's field names. Unset settings are sent as nulls, as
 * LiteLLM does; the plain key only in the answer that created it.
 */
final class Views {
    /** Json.MAPPER but keeping BigDecimals as they are in trees (its default turns 10 into 1E+1). */
    private static final ObjectMapper EXACT_TREES = Json.MAPPER.copy()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Views() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyView(String token, String keyName, String keyAlias, String teamId, String userId, List<String> models,
                   BigDecimal maxBudget, String budgetDuration, String budgetResetAt, BigDecimal spend,
                   Integer rpmLimit, Long tpmLimit, Integer maxParallelRequests, String expires, boolean blocked,
                   JsonNode metadata, String createdAt, String updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TeamView(String teamId, String teamAlias, List<String> models, BigDecimal maxBudget, String budgetDuration,
                    String budgetResetAt, BigDecimal spend, Integer rpmLimit, Long tpmLimit,
                    Integer maxParallelRequests, boolean blocked, JsonNode metadata, String createdAt,
                    String updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserView(String userId, String userEmail, String userRole, List<String> teams, List<String> models,
                    BigDecimal maxBudget, String budgetDuration, String budgetResetAt, BigDecimal spend,
                    Integer rpmLimit, Long tpmLimit, Integer maxParallelRequests, JsonNode metadata,
                    String createdAt, String updatedAt) {
    }

    static KeyView of(VirtualKey k) {
        Budget b = k.budget();
        Limits l = k.limits();
        return new KeyView(k.tokenHash(), k.keyName(), k.keyAlias(), k.teamId(), k.userId(), k.models(), b.maxBudget(),
                b.budgetDuration(), text(b.resetAt()), b.spend(), l.rpmLimit(), l.tpmLimit(), l.maxParallelRequests(),
                text(k.expires()), k.blocked(), k.metadata(), text(k.createdAt()), text(k.updatedAt()));
    }

    static TeamView of(Team t) {
        Budget b = t.budget();
        Limits l = t.limits();
        return new TeamView(t.teamId(), t.teamAlias(), t.models(), b.maxBudget(), b.budgetDuration(), text(b.resetAt()),
                b.spend(), l.rpmLimit(), l.tpmLimit(), l.maxParallelRequests(), t.blocked(), t.metadata(),
                text(t.createdAt()), text(t.updatedAt()));
    }

    static UserView of(User u) {
        Budget b = u.budget();
        Limits l = u.limits();
        return new UserView(u.userId(), u.userEmail(), u.userRole(), u.teams(), u.models(), b.maxBudget(),
                b.budgetDuration(), text(b.resetAt()), b.spend(), l.rpmLimit(), l.tpmLimit(), l.maxParallelRequests(),
                u.metadata(), text(u.createdAt()), text(u.updatedAt()));
    }

    /**
     * LiteLLM's answer to a call that made a key (/key/generate, /key/regenerate, /user/new): the
     * plain key, shown this once, first; then {@code view}'s fields; then the new key's name, hash
     * and expiry.
     */
    static ObjectNode withNewKey(KeyService.Generated generated, Object view) {
        VirtualKey k = generated.stored();
        ObjectNode out = EXACT_TREES.createObjectNode().put("key", generated.key());
        out.setAll((ObjectNode) EXACT_TREES.valueToTree(view));
        out.put("key_name", k.keyName());
        out.put("token", k.tokenHash());
        out.put("expires", text(k.expires()));
        return out;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
