package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured model names, each with its deployments in config order. */
public final class ModelGroups {
    private final Map<String, List<Deployment>> groups;
    private final List<Deployment> deployments;

    public ModelGroups(List<Deployment> deployments) {
        this.deployments = List.copyOf(deployments);
        Map<String, List<Deployment>> map = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            map.computeIfAbsent(d.modelName(), k -> new ArrayList<>()).add(d);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.groups = Collections.unmodifiableMap(map);
    }

    /** The deployments of a model name; a 400 naming the model when there are none. */
    public List<Deployment> resolve(String modelName) {
        List<Deployment> group = groups.get(modelName);
        if (group == null) {
            throw new GatewayException(ErrorKind.UNKNOWN_MODEL, "Model '" + modelName + "' is not configured on "
                    + "this gateway. GET /v1/models lists the models you can use.", "model");
        }
        return group;
    }

    public boolean contains(String modelName) {
        return groups.containsKey(modelName);
    }

    /** Every deployment, in config order. */
    public List<Deployment> deployments() {
        return deployments;
    }

    /** Every model name, in config order. */
    public List<String> names() {
        return List.copyOf(groups.keySet());
    }

    /** Every model name with its deployments, in config order (read-only). */
    public Map<String, List<Deployment>> byName() {
        return groups;
    }
}
