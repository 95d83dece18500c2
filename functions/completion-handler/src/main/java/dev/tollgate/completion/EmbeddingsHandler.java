package dev.tollgate.completion;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.EmbeddingRequestReader;
import dev.tollgate.openai.EmbeddingResponse;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.router.CallOptions;
import dev.tollgate.router.CallOverrides;
import dev.tollgate.router.CallTrace;
import dev.tollgate.router.Routed;
import dev.tollgate.router.Router;
import java.io.IOException;

/** {@code POST /v1/embeddings}: OpenAI's shape whatever the provider, floats or base64 as asked. */
final class EmbeddingsHandler implements Handler {
    private final ApiGate gate;
    private final Router router;

    EmbeddingsHandler(ApiGate gate, Router router) {
        this.gate = gate;
        this.router = router;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ApiGate.Admitted in = gate.admitJson(ex);
        EmbeddingRequest request = EmbeddingRequestReader.read(in.body());
        CallOptions requested = CallOverrides.fromHeaders(ex.requestId(), ex::header);
        CallTrace trace = new CallTrace();
        try (GatedCall call = gate.enter(ex, in.caller(), request.model())) {
            Routed<Embeddings> routed = router.embed(request, call.options(requested), trace);
            Embeddings e = routed.value();
            call.finish(routed.deployment(), e.promptTokens(), 0);
            CallHeaders.set(ex, routed);
            ex.sendJson(200, EmbeddingResponse.of(e.vectors(), e.model() != null ? e.model() : request.model(),
                    e.promptTokens(), request.base64()));
        } catch (GatewayException failure) {
            CallHeaders.failed(ex, trace, request.model());
            throw failure;
        }
    }
}
