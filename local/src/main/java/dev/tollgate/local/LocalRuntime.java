package dev.tollgate.local;

import dev.tollgate.completion.CompletionApp;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.dynamolocal.EmbeddedDynamo;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.keyadmin.KeyAdminApp;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.KeyChangeListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole gateway in one process: DynamoDB Local (file-backed) with its tables, then the HTTP
 * server with every route. Readiness turns true once all of it is up, false again on close.
 */
final class LocalRuntime implements AutoCloseable {
    static final int GRACE_SECONDS = 2;

    private final EmbeddedDynamo dynamo;
    private final HttpServerHost http;
    private final AtomicBoolean ready;

    private LocalRuntime(EmbeddedDynamo dynamo, HttpServerHost http, AtomicBoolean ready) {
        this.dynamo = dynamo;
        this.http = http;
        this.ready = ready;
    }

    static LocalRuntime start(GatewayConfig config, InetSocketAddress address, Path dataDir) throws IOException {
        EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir.resolve("dynamodb"));
        try {
            LocalTables.ensure(dynamo.client());
            AtomicBoolean ready = new AtomicBoolean();
            HttpServerHost http = HttpServerHost.start(address, routes(config, ready, dynamo.client()));
            ready.set(true);
            return new LocalRuntime(dynamo, http, ready);
        } catch (IOException | RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** Every route the embedded gateway serves: the completion routes and the key-admin API. */
    private static Routes routes(GatewayConfig config, AtomicBoolean ready, DynamoDbClient db) {
        return CompletionApp.routes(config, ready::get)
                .addAll(KeyAdminApp.routes(config, new DynamoKeyStore(db), KeyChangeListener.NONE));
    }

    int port() {
        return http.port();
    }

    DynamoDbClient dynamo() {
        return dynamo.client();
    }

    /** Stops taking requests, lets those in flight finish (a short grace), then stops DynamoDB Local. */
    @Override
    public void close() {
        ready.set(false);
        try {
            http.stop(GRACE_SECONDS);
        } finally {
            dynamo.close();
        }
    }
}
