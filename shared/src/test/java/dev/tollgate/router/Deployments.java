package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.testing.TestConfigs;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Deployments of one group "m" that are never called, for picking and counting. */
final class Deployments {
    private Deployments() {
    }

    static Deployment dep(String id) {
        return TestConfigs.withInfo(TestConfigs.deployment("m", "openai", "http://127.0.0.1:9", Map.of()), id,
                null, null, null);
    }

    static Deployment weighted(String id, Integer rpm, Integer tpm, Double weight) {
        return TestConfigs.withLimits(dep(id), rpm, tpm, weight);
    }

    static Deployment priced(String id, String inputCost, String outputCost) {
        return TestConfigs.withInfo(dep(id), id, new BigDecimal(inputCost), new BigDecimal(outputCost), null);
    }

    static Deployment unpriced(String id) {
        Deployment d = dep(id);
        return new Deployment(d.modelName(), d.provider(), d.upstreamModel(), d.apiKey(), d.apiBase(), d.apiVersion(),
                null, null, null, null, null, null, d.params(), new ModelInfo(id, null, null, null, null, "chat"));
    }

    /** How often each id is picked over {@code calls} picks. */
    static Map<String, Integer> tally(int calls, Supplier<Deployment> pick) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            counts.merge(pick.get().id(), 1, Integer::sum);
        }
        return counts;
    }

    static List<Deployment> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(Deployments::dep).toList();
    }
}
