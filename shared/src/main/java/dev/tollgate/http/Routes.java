package dev.tollgate.http;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exact-path routing: method and path to a handler. Paths are matched as given; OpenAI routes are
 * registered with and without their {@code /v1} prefix through {@link #addOpenAi}.
 */
public final class Routes {
    private final Map<String, Map<String, Handler>> byPath = new HashMap<>();

    public Routes add(String method, String path, Handler handler) {
        Handler previous = byPath.computeIfAbsent(path, p -> new HashMap<>()).putIfAbsent(method, handler);
        if (previous != null) {
            throw new IllegalArgumentException("route registered twice: " + method + " " + path);
        }
        return this;
    }

    /** Registers {@code /v1<path>} and {@code <path>}, as OpenAI clients use either. */
    public Routes addOpenAi(String method, String path, Handler handler) {
        return add(method, "/v1" + path, handler).add(method, path, handler);
    }

    public Routes addAll(Routes other) {
        other.byPath.forEach((path, methods) -> methods.forEach((m, h) -> add(m, path, h)));
        return this;
    }

    /** The handler for a request; a 404 or 405 in OpenAI's error shape when there is none. */
    public Handler find(String method, String path) {
        Map<String, Handler> methods = byPath.get(path);
        if (methods == null && path.length() > 1 && path.endsWith("/")) {
            methods = byPath.get(path.substring(0, path.length() - 1));
        }
        if (methods == null) {
            throw new GatewayException(ErrorKind.NOT_FOUND, "No route for " + method + " " + path + ".",
                    null, "route_not_found", null, null);
        }
        Handler h = methods.get(method);
        if (h == null) {
            throw new GatewayException(ErrorKind.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on "
                    + path + "; allowed: " + String.join(", ", new TreeSet<>(methods.keySet())) + ".");
        }
        return h;
    }
}
