package dev.tollgate.local;

import dev.tollgate.completion.CompletionApp;
import dev.tollgate.completion.CompletionServices;
import dev.tollgate.config.EnvironmentSecrets;
import dev.tollgate.config.SecretSource;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.dynamolocal.EmbeddedDynamo;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.keyadmin.KeyAdminApp;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.store.Tables;
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
    private final SharedRedis redis;
    private final CompletionApp completion;
    private final HttpServerHost http;
    private final AtomicBoolean ready;

    private LocalRuntime(EmbeddedDynamo dynamo, SharedRedis redis, CompletionApp completion, HttpServerHost http,
                         AtomicBoolean ready) {
        this.dynamo = dynamo;
        this.redis = redis;
        this.completion = completion;
        this.http = http;
        this.ready = ready;
    }

    /** Tenants' named secrets from this process's environment. */
    static LocalRuntime start(GatewayConfig config, InetSocketAddress address, Path dataDir) throws IOException {
        return start(config, new EnvironmentSecrets(System.getenv()), address, dataDir);
    }

    static LocalRuntime start(GatewayConfig config, SecretSource secrets, InetSocketAddress address, Path dataDir)
            throws IOException {
        EmbeddedDynamo dynamo = EmbeddedDynamo.start(dataDir.resolve("dynamodb"));
        SharedRedis redis = null;
        CompletionApp completion = null;
        try {
            LocalTables.ensure(dynamo.client());
            AtomicBoolean ready = new AtomicBoolean();
            redis = config.redis() == null ? null : SharedRedis.connect(config.redis());
            DynamoKeyStore store = new DynamoKeyStore(dynamo.client(), Tables.MAIN);
            completion = CompletionApp.create(config, services(store, dynamo.client(), secrets, redis), ready::get);
            HttpServerHost http = HttpServerHost.start(address, routes(config, completion, store));
            ready.set(true);
            return new LocalRuntime(dynamo, redis, completion, http, ready);
        } catch (IOException | RuntimeException e) {
            closeAll(completion, redis);
            dynamo.close();
            throw e;
        }
    }

    /**
     * Keys, teams and spend in DynamoDB Local's main table; limits counted in memory unless the
     * config names a Redis.
     */
    private static CompletionServices services(DynamoKeyStore store, DynamoDbClient db, SecretSource secrets,
                                               SharedRedis redis) {
        return new CompletionServices(store, secrets, redis, new DynamoSpendRecorder(db, Tables.MAIN), null, null);
    }

    /**
     * Every route the embedded gateway serves: the completion routes and the key-admin API, whose
     * changes reach the completion routes' key cache at once.
     */
    private static Routes routes(GatewayConfig config, CompletionApp completion, DynamoKeyStore store) {
        return completion.routes().addAll(KeyAdminApp.routes(config, store, completion.keyChanges()));
    }

    private static void closeAll(CompletionApp completion, SharedRedis redis) {
        if (completion != null) {
            completion.close();
        }
        if (redis != null) {
            redis.close();
        }
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
            closeAll(completion, redis);
            dynamo.close();
        }
    }
}
