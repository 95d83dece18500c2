package dev.tollgate.keyadmin;

import dev.tollgate.http.Routes;
import dev.tollgate.keys.Team;
import java.util.List;
import java.util.Map;

/** The /team/* routes: decode, call {@link TeamService}, encode in LiteLLM's shapes. */
record TeamHandlers(AdminGate gate, TeamService service) {
    record Updated(String teamId, Views.TeamView data) {
    }

    record Info(String teamId, Views.TeamView teamInfo, List<Views.KeyView> keys) {
    }

    void register(Routes routes) {
        routes.add("POST", "/team/new", ex -> ex.sendJson(200, Views.of(service.create(gate.adminBody(ex)))));
        routes.add("POST", "/team/update", ex -> {
            Team team = service.update(gate.adminBody(ex));
            ex.sendJson(200, new Updated(team.teamId(), Views.of(team)));
        });
        routes.add("GET", "/team/info", ex -> {
            gate.admitAdmin(ex);
            TeamService.TeamInfo info = service.info(QueryParams.parse(ex.query()).requiredText("team_id"));
            ex.sendJson(200, new Info(info.team().teamId(), Views.of(info.team()),
                    info.keys().stream().map(Views::of).toList()));
        });
        routes.add("GET", "/team/list", ex -> {
            gate.admitAdmin(ex);
            ex.sendJson(200, service.list().stream().map(Views::of).toList());
        });
        routes.add("POST", "/team/delete", ex ->
                ex.sendJson(200, Map.of("deleted_teams", service.delete(gate.adminBody(ex)))));
    }
}
