package dev.tollgate.keyadmin;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.Routes;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.KeyStore;
import dev.tollgate.keys.VirtualKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The /key/* routes: decode, call {@link KeyService}, encode in LiteLLM's shapes. */
record KeyHandlers(AdminGate gate, KeyService service) {
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;
    private static final String REGENERATE_PREFIX = "/key/";
    private static final String REGENERATE_SUFFIX = "/regenerate";

    record KeyInfo(String key, Views.KeyView info) {
    }

    record KeyList(List<Object> keys, int totalCount, int currentPage, int totalPages) {
    }

    void register(Routes routes) {
        routes.add("POST", "/key/generate", ex -> {
            KeyService.Generated g = service.generate(gate.adminBody(ex));
            ex.sendJson(200, Views.withNewKey(g, Views.of(g.stored())));
        });
        routes.add("POST", "/key/update", ex -> ex.sendJson(200, Views.of(service.update(gate.adminBody(ex)))));
        routes.add("POST", "/key/block", ex -> ex.sendJson(200, Views.of(service.setBlocked(gate.adminBody(ex), true))));
        routes.add("POST", "/key/unblock", ex ->
                ex.sendJson(200, Views.of(service.setBlocked(gate.adminBody(ex), false))));
        routes.add("POST", "/key/delete", ex -> ex.sendJson(200, Map.of("deleted_keys", service.delete(gate.adminBody(ex)))));
        routes.add("GET", "/key/info", this::info);
        routes.add("GET", "/key/list", this::list);
        routes.add("POST", "/key/regenerate", ex -> {
            Body b = gate.adminBody(ex);
            regenerate(ex, b.requiredText("key"), b);
        });
        routes.addTemplate("POST", REGENERATE_PREFIX + "{key}" + REGENERATE_SUFFIX, ex -> {
            String key = Routes.segment(ex.path(), REGENERATE_PREFIX, REGENERATE_SUFFIX);
            regenerate(ex, key, gate.optionalAdminBody(ex));
        });
    }

    private void regenerate(Exchange ex, String key, Body b) throws IOException {
        KeyService.Generated g = service.regenerate(key, b);
        ex.sendJson(200, Views.withNewKey(g, Views.of(g.stored())));
    }

    /** The master key reads any key; a virtual key only itself (and without {@code ?key=} means itself). */
    private void info(Exchange ex) throws IOException {
        AdminGate.Caller caller = gate.caller(ex);
        String asked = QueryParams.parse(ex.query()).text("key");
        VirtualKey key;
        if (caller.isMaster()) {
            if (asked == null) {
                throw GatewayException.invalid("key", "Missing required query parameter 'key'.");
            }
            key = service.find(asked);
        } else {
            VirtualKey self = caller.key().orElseThrow();
            if (asked != null && !KeyHashes.hashOfKeyOrHash(asked).equals(self.tokenHash())) {
                throw new GatewayException(ErrorKind.PERMISSION_DENIED,
                        "A virtual key may only read its own /key/info.", "key");
            }
            key = self;
        }
        ex.sendJson(200, new KeyInfo(asked == null ? key.tokenHash() : asked, Views.of(key)));
    }

    /** LiteLLM's pagination: {@code page} from 1, {@code size} up to 100; hashes unless {@code return_full_object}. */
    private void list(Exchange ex) throws IOException {
        gate.admitAdmin(ex);
        QueryParams q = QueryParams.parse(ex.query());
        int page = q.integer("page", 1, 1, Integer.MAX_VALUE);
        int size = q.integer("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        boolean full = q.bool("return_full_object");
        KeyStore.KeyFilter filter = new KeyStore.KeyFilter(q.text("team_id"), q.text("user_id"), q.text("key_alias"));
        KeyStore.Page<VirtualKey> result = service.list(filter, page, size);
        List<Object> keys = result.items().stream()
                .map(k -> full ? (Object) Views.of(k) : k.tokenHash()).toList();
        int totalPages = (result.totalCount() + size - 1) / size;
        ex.sendJson(200, new KeyList(keys, result.totalCount(), page, totalPages));
    }
}
