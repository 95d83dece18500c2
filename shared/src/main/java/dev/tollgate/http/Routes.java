package dev.tollgate.http;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exact-path routing: method and path to a handler. Paths are matched as given; OpenAI routes are
 * registered with and without their {@code /v1} prefix through {@link #addOpenAi}. A path with one
 * variable segment ({@code /key/{key}/regenerate}) is registered with {@link #addTemplate}; its
 * handler reads the segment with {@link #segment}. An exact path wins over a template.
 */
public final class Routes {
    private final Map<String, Map<String, Handler>> byPath = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    /** {@code prefix}, one non-empty segment without '/', {@code suffix}. */
    private record Template(String method, String prefix, String suffix, Handler handler) {
        boolean matches(String path) {
            return segment(path, prefix, suffix) != null;
        }
    }

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

    /** Registers a path with one variable segment written {@code {name}}, e.g. {@code /key/{key}/regenerate}. */
    public Routes addTemplate(String method, String template, Handler handler) {
        int open = template.indexOf('{');
        int close = template.indexOf('}', open);
        if (open < 0 || close < 0 || template.indexOf('{', close) >= 0) {
            throw new IllegalArgumentException("a template has exactly one {segment}: " + template);
        }
        templates.add(new Template(method, template.substring(0, open), template.substring(close + 1), handler));
        return this;
    }

    public Routes addAll(Routes other) {
        other.byPath.forEach((path, methods) -> methods.forEach((m, h) -> add(m, path, h)));
        templates.addAll(other.templates);
        return this;
    }

    /**
     * The variable segment of {@code path} between {@code prefix} and {@code suffix}, or null when
     * the path does not have that shape.
     */
    public static String segment(String path, String prefix, String suffix) {
        if (path.length() <= prefix.length() + suffix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) {
            return null;
        }
        String segment = path.substring(prefix.length(), path.length() - suffix.length());
        return segment.indexOf('/') >= 0 ? null : segment;
    }

    /** The handler for a request; a 404 or 405 in OpenAI's error shape when there is none. */
    public Handler find(String method, String path) {
        Map<String, Handler> methods = byPath.get(path);
        if (methods == null && path.length() > 1 && path.endsWith("/")) {
            methods = byPath.get(path.substring(0, path.length() - 1));
        }
        if (methods == null) {
            methods = templateMethods(path);
        }
        if (methods.isEmpty()) {
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

    private Map<String, Handler> templateMethods(String path) {
        Map<String, Handler> methods = new HashMap<>();
        for (Template t : templates) {
            if (t.matches(path)) {
                methods.putIfAbsent(t.method(), t.handler());
            }
        }
        return methods;
    }
}
