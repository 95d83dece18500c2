package dev.tollgate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** {@code router_settings.redis_*} into {@link RedisSettings}; null when no Redis is configured. */
final class RedisSettingsParser {
    private RedisSettingsParser() {
    }

    static RedisSettings parse(Section router) {
        Secret url = router.secret("redis_url");
        if (url != null) {
            if (router.has("redis_host")) {
                throw ConfigException.at(router.pathOf("redis_host"), "set either redis_url or redis_host, not both");
            }
            return fromUrl(url, router.pathOf("redis_url"));
        }
        String host = router.text("redis_host");
        if (host == null) {
            for (String unused : new String[] {"redis_port", "redis_password"}) {
                if (router.has(unused)) {
                    router.warnings().add(router.pathOf(unused) + ": ignored without redis_host or redis_url");
                }
            }
            return null;
        }
        Integer port = router.integer("redis_port", 1);
        if (port != null && port > 65535) {
            throw ConfigException.at(router.pathOf("redis_port"), "must be a port number up to 65535");
        }
        return new RedisSettings(host, port != null ? port : RedisSettings.DEFAULT_PORT, false, null,
                router.secret("redis_password"), 0);
    }

    /** redis://[[user]:password@]host[:port][/db] or rediss://...; the URL itself is never shown (it may hold a password). */
    private static RedisSettings fromUrl(Secret url, String path) {
        URI uri;
        try {
            uri = new URI(url.value().strip());
        } catch (URISyntaxException e) {
            throw ConfigException.at(path, "is not a valid URL (expected redis://host:port)");
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw ConfigException.at(path, "must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ConfigException.at(path, "has no host (expected redis://host:port)");
        }
        String username = null;
        Secret password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            username = user.isEmpty() ? null : decode(user);
            password = colon < 0 ? null : Secret.ofNullable(decode(userInfo.substring(colon + 1)));
        }
        return new RedisSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : RedisSettings.DEFAULT_PORT,
                "rediss".equals(scheme), username, password, database(uri.getPath(), path));
    }

    private static int database(String uriPath, String path) {
        if (uriPath == null || uriPath.isEmpty() || uriPath.equals("/")) {
            return 0;
        }
        try {
            int db = Integer.parseInt(uriPath.substring(1));
            if (db >= 0) {
                return db;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.at(path, "database must be a non-negative number (redis://host:port/0)");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
