package dev.tollgate.completion;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Usage;
import dev.tollgate.router.CallOptions;
import dev.tollgate.router.CallOverrides;
import dev.tollgate.router.CallTrace;
import dev.tollgate.router.OpenedStream;
import dev.tollgate.router.Routed;
import dev.tollgate.router.Router;
import java.io.IOException;

/**
 * {@code POST /v1/chat/completions}: authenticate, read and validate, pass the gate (model access,
 * budget, limits), route, account, answer (as one JSON body or as an event stream). Errors before
 * the first byte are ordinary JSON errors. Tokens and spend are counted before the answer's last
 * byte leaves.
 */
final class ChatCompletionsHandler implements Handler {
    private static final System.Logger LOG = System.getLogger("tollgate.spend");

    private final ApiGate gate;
    private final Router router;

    ChatCompletionsHandler(ApiGate gate, Router router) {
        this.gate = gate;
        this.router = router;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ApiGate.Admitted in = gate.admitJson(ex);
        ChatRequest request = ChatRequestReader.read(in.body());
        CallOptions requested = CallOverrides.fromHeaders(ex.requestId(), ex::header);
        CallTrace trace = new CallTrace();
        try (GatedCall call = gate.enter(ex, in.caller(), request.model())) {
            CallOptions options = call.options(requested);
            if (request.stream()) {
                stream(ex, request, call, options, trace);
            } else {
                Routed<ChatCompletion> routed = router.complete(request, options, trace);
                Usage usage = routed.value().usage();
                call.finish(routed.deployment(), usage == null ? 0 : usage.promptTokens(),
                        usage == null ? 0 : usage.completionTokens());
                CallHeaders.set(ex, routed);
                ex.sendJson(200, routed.value());
            }
        } catch (GatewayException e) {
            CallHeaders.failed(ex, trace, request.model());
            throw e;
        }
    }

    /**
     * Relays the stream and, on every way out (its end, an upstream failure mid-stream, the caller
     * hanging up, a failure to start the answer), charges it: the reported usage, else an estimate.
     */
    private void stream(Exchange ex, ChatRequest request, GatedCall call, CallOptions options, CallTrace trace)
            throws IOException {
        Routed<OpenedStream> routed = router.stream(request, options, trace);
        StreamTokens tokens = new StreamTokens(request);
        try (OpenedStream opened = routed.value()) {
            CallHeaders.set(ex, routed);
            new StreamRelay(ex.startEventStream(), request.wantsStreamUsage(), tokens).relay(opened);
        } finally {
            if (tokens.estimated()) {
                LOG.log(System.Logger.Level.DEBUG, "stream on {0} ended without usage; charging an estimate of "
                        + "{1} prompt and {2} completion tokens", routed.deployment().modelName(),
                        tokens.promptTokens(), tokens.completionTokens());
            }
            call.finish(routed.deployment(), tokens.promptTokens(), tokens.completionTokens());
        }
    }
}
