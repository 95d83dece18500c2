package dev.tollgate.http;

import java.io.IOException;

/** Handles one request. Throw a {@link dev.tollgate.error.GatewayException} to answer with an error. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws IOException;
}
