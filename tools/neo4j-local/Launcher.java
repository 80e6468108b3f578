import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/** Runs an embedded Neo4j Community with Bolt on 127.0.0.1:PORT for tests and development. */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final long READY_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher PORT DATA_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache())
                .build();
        // SIGTERM runs shutdown hooks: stop the DBMS so the store is closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-local-shutdown"));

        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(READY_TIMEOUT_MS)) {
            System.err.println("neo4j-local: default database did not become available");
            System.exit(1);
        }
        waitForPort(port, deadline);
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The page cache size: NEO4J_LOCAL_PAGECACHE (as "512m", "2g"), else 1 GiB. */
    private static long pageCache() {
        String asked = System.getenv("NEO4J_LOCAL_PAGECACHE");
        // Neo4j grows the cache as pages are read, so a small test graph never uses all of it.
        return asked == null || asked.isBlank() ? ByteUnit.gibiBytes(1) : ByteUnit.parse(asked);
    }

    private static void waitForPort(int port, long deadline) throws InterruptedException {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    System.err.println("neo4j-local: Bolt port " + port + " never opened");
                    System.exit(1);
                }
                Thread.sleep(100);
            }
        }
    }
}
