package dev.tollgate.completion;

import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.keys.Caller;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /v1/models}: the configured model names in OpenAI's list shape; a key restricted to
 * some models sees only those (as in LiteLLM). The unrestricted list is built once.
 */
final class ModelsHandler implements Handler {
    private final ApiGate gate;
    private final long created;
    private final byte[] body;

    record Model(String id, String object, long created, String ownedBy) {
    }

    record ModelList(String object, List<Model> data) {
    }

    ModelsHandler(List<String> modelNames, ApiGate gate, long createdEpochSeconds) {
        this.gate = gate;
        this.created = createdEpochSeconds;
        this.body = list(modelNames);
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Caller caller = gate.admit(ex);
        ex.sendJsonBytes(200, caller.unrestricted() ? body : list(gate.models(caller)));
    }

    private byte[] list(List<String> names) {
        return Json.bytes(new ModelList("list", names.stream()
                .map(name -> new Model(name, "model", created, "tollgate")).toList()));
    }
}
