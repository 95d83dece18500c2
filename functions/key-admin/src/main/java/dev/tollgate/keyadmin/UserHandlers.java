package dev.tollgate.keyadmin;

import dev.tollgate.http.Routes;
import dev.tollgate.keys.User;
import java.util.List;
import java.util.Map;

/** The /user/* routes: decode, call {@link UserService}, encode in LiteLLM's shapes. */
record UserHandlers(AdminGate gate, UserService service) {
    record Updated(String userId, Views.UserView data) {
    }

    record Info(String userId, Views.UserView userInfo, List<Views.KeyView> keys, List<Views.TeamView> teams) {
    }

    void register(Routes routes) {
        routes.add("POST", "/user/new", ex -> {
            UserService.Created created = service.create(gate.adminBody(ex));
            Views.UserView user = Views.of(created.user());
            ex.sendJson(200, created.key() == null ? user : Views.withNewKey(created.key(), user));
        });
        routes.add("POST", "/user/update", ex -> {
            User user = service.update(gate.adminBody(ex));
            ex.sendJson(200, new Updated(user.userId(), Views.of(user)));
        });
        routes.add("GET", "/user/info", ex -> {
            gate.admitAdmin(ex);
            UserService.UserInfo info = service.info(QueryParams.parse(ex.query()).requiredText("user_id"));
            ex.sendJson(200, new Info(info.user().userId(), Views.of(info.user()),
                    info.keys().stream().map(Views::of).toList(), info.teams().stream().map(Views::of).toList()));
        });
        routes.add("POST", "/user/delete", ex ->
                ex.sendJson(200, Map.of("deleted_users", service.delete(gate.adminBody(ex)))));
    }
}
