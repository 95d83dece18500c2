package dev.tollgate.dynamolocal;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this process, on a free loopback port, and an SDK client for it: file-backed
 * for {@code bin/local} ({@link #start}), in memory for tests ({@link #startInMemory}). One shared
 * database ({@code -sharedDb}), so what is stored does not depend on the credentials or region a
 * client uses.
 */
public final class EmbeddedDynamo implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tollgate.local");
    private static final int START_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final DynamoDbClient client;
    private final URI endpoint;

    private EmbeddedDynamo(DynamoDBProxyServer server, DynamoDbClient client, URI endpoint) {
        this.server = server;
        this.client = client;
        this.endpoint = endpoint;
    }

    /** Starts DynamoDB Local keeping its files in {@code dir} (created if absent). */
    public static EmbeddedDynamo start(Path dir) throws IOException {
        Files.createDirectories(dir);
        return launch(dir.toAbsolutePath());
    }

    /** Starts DynamoDB Local holding everything in memory: gone when it stops. */
    public static EmbeddedDynamo startInMemory() throws IOException {
        return launch(null);
    }

    private static EmbeddedDynamo launch(Path dirOrNull) throws IOException {
        SqliteNative.configure();
        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            DynamoDBProxyServer server = create(port, dirOrNull);
            try {
                server.start();
            } catch (Exception e) {
                stopQuietly(server);
                if (attempt < START_ATTEMPTS) {
                    continue; // the free port was taken in between
                }
                throw new IOException("DynamoDB Local did not start: " + e.getMessage(), e);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            return new EmbeddedDynamo(server, client(endpoint), endpoint);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    private static DynamoDBProxyServer create(int port, Path dir) throws IOException {
        String[] storage = dir == null ? new String[] {"-inMemory"} : new String[] {"-dbPath", dir.toString()};
        String[] common = {"-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"};
        String[] args = Stream.concat(Stream.of(common), Stream.of(storage)).toArray(String[]::new);
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // it prints its settings there
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            bindToLoopback(server);
            return server;
        } catch (Exception e) {
            throw new IOException("DynamoDB Local could not be set up "
                    + (dir == null ? "in memory" : "in " + dir) + ": " + e.getMessage(), e);
        } finally {
            System.setOut(stdout);
        }
    }

    /**
     * DynamoDB Local listens on every interface and has no option to change that; it holds no
     * credentials of its own, so keep it off the network by moving its one connector to loopback.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                if (connector instanceof ServerConnector sc) {
                    sc.setHost(InetAddress.getLoopbackAddress().getHostAddress());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DynamoDB Local listens on all interfaces: {0}", e.toString());
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "DynamoDB Local stop: {0}", e.toString());
        }
    }

    /** Stops the server (its files stay) and closes the client. */
    @Override
    public void close() {
        stopQuietly(server);
        client.close();
    }
}
