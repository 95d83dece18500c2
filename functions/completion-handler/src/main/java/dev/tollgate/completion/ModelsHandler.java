package dev.tollgate.completion;

import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.util.List;

/** {@code GET /v1/models}: the configured model names in OpenAI's list shape, built once. */
final class ModelsHandler implements Handler {
    private final ApiGate gate;
    private final byte[] body;

    record Model(String id, String object, long created, String ownedBy) {
    }

    record ModelList(String object, List<Model> data) {
    }

    ModelsHandler(List<String> modelNames, ApiGate gate, long createdEpochSeconds) {
        this.gate = gate;
        this.body = Json.bytes(new ModelList("list", modelNames.stream()
                .map(name -> new Model(name, "model", createdEpochSeconds, "tollgate")).toList()));
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        gate.admit(ex);
        ex.sendJsonBytes(200, body);
    }
}
