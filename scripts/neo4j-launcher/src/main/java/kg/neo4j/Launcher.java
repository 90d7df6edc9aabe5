package kg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts Neo4j Community in this process for kg's integration tests and runs
 * until the JVM is asked to stop (SIGTERM), then shuts the database down.
 *
 * <p>Usage: {@code Launcher WORKDIR URIFILE PASSWORD}. Neo4j listens for Bolt on
 * 127.0.0.1 at a free port chosen by the operating system, with authentication
 * enabled; user {@code neo4j} gets PASSWORD. Once Bolt accepts connections the
 * Bolt URI is written to URIFILE (atomically), which is how scripts/neo4j
 * knows the server is ready.
 *
 * <p>With a fourth argument, {@code Launcher WORKDIR URIFILE PASSWORD PORT}, it
 * is a user's server instead ({@code scripts/neo4j up}): the database lives in
 * WORKDIR and is kept from one start to the next, and Bolt listens on
 * 127.0.0.1 at PORT.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: Launcher WORKDIR URIFILE PASSWORD [PORT]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]);
        Path uriFile = Path.of(args[1]);
        String password = args[2];
        Files.createDirectories(workDir);
        if (args.length == 4) {
            serve(workDir, uriFile, password, Integer.parseInt(args[3]));
            return;
        }

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer() // no HTTP; Bolt only
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                // Tests log in with a wrong password on purpose: never lock the user.
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "neo4j-shutdown"));

        // The embedded API bypasses authentication, so it can set the password
        // of the built-in user that Bolt clients then log in with.
        neo4j.databaseManagementService()
                .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));

        writeAtomically(uriFile, neo4j.boltURI().toString() + "\n");
        System.out.println("neo4j ready at " + neo4j.boltURI());
        Thread.currentThread().join(); // until SIGTERM runs the shutdown hook
    }

    /** Runs a user's server on a persistent database until SIGTERM. */
    private static void serve(Path home, Path uriFile, String password, int port) throws Exception {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A restart of a kept database: the password is already set.
            if (!e.getMessage().contains("cannot be the same")) {
                e.printStackTrace();
                System.exit(1); // the shutdown hook stops the database
            }
        }
        String uri = "bolt://127.0.0.1:" + port;
        writeAtomically(uriFile, uri + "\n");
        System.out.println("neo4j ready at " + uri + ", database in " + home);
        Thread.currentThread().join(); // until SIGTERM runs the shutdown hook
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
