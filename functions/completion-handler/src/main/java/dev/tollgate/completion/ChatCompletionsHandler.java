package dev.tollgate.completion;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.router.OpenedStream;
import dev.tollgate.router.CallOptions;
import dev.tollgate.router.CallOverrides;
import dev.tollgate.router.CallTrace;
import dev.tollgate.router.Routed;
import dev.tollgate.router.Router;
import java.io.IOException;

/**
 * {@code POST /v1/chat/completions}: authenticate, read and validate, route, answer (as one JSON
 * body or as an event stream). Errors before the first byte are ordinary JSON errors.
 */
final class ChatCompletionsHandler implements Handler {
    private final ApiGate gate;
    private final Router router;

    ChatCompletionsHandler(ApiGate gate, Router router) {
        this.gate = gate;
        this.router = router;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ChatRequest request = ChatRequestReader.read(gate.admitJson(ex));
        CallOptions options = CallOverrides.fromHeaders(ex.requestId(), ex::header);
        CallTrace trace = new CallTrace();
        try {
            if (request.stream()) {
                stream(ex, request, options, trace);
            } else {
                Routed<ChatCompletion> routed = router.complete(request, options, trace);
                CallHeaders.set(ex, routed);
                ex.sendJson(200, routed.value());
            }
        } catch (GatewayException e) {
            CallHeaders.failed(ex, trace);
            throw e;
        }
    }

    private void stream(Exchange ex, ChatRequest request, CallOptions options, CallTrace trace) throws IOException {
        Routed<OpenedStream> routed = router.stream(request, options, trace);
        try (OpenedStream opened = routed.value()) {
            CallHeaders.set(ex, routed);
            StreamRelay relay = new StreamRelay(ex.startEventStream(), request.wantsStreamUsage());
            relay.relay(opened);
        }
    }
}
