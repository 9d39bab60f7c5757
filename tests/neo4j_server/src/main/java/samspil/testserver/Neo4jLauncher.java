package samspil.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A throw-away Neo4j for samspil's tests: the embedded Neo4j Community DBMS with
 * its Bolt connector on a loopback port.
 *
 * <pre>
 * java -cp target/classes:target/lib/* samspil.testserver.Neo4jLauncher \
 *      [--port N] [--store DIR] [--password SECRET]
 * </pre>
 *
 * Without --port a free port is chosen; without --store a fresh temporary store is
 * used and deleted on exit (a given --store is kept, so a restart finds its data).
 * With --password authentication is on and user neo4j has that password. When the
 * DBMS is ready the launcher prints one line {@code READY bolt://127.0.0.1:PORT}
 * on stdout; it shuts down cleanly when its standard input closes or on SIGTERM/SIGINT.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) {
        try {
            run(parse(args));
        } catch (Throwable t) {        // the DBMS threads would keep a failed JVM alive
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Map<String, String> opts) throws IOException {
        int port = opts.containsKey("--port") ? Integer.parseInt(opts.get("--port")) : freePort();
        boolean temporary = !opts.containsKey("--store");
        Path home = temporary ? Files.createTempDirectory("samspil-neo4j-")
                              : Files.createDirectories(Path.of(opts.get("--store")));
        String password = opts.get("--password");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .build();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(dbms, home, temporary, stop)));
        if (password != null) {
            setPassword(dbms, password);
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        waitForStdinClose(System.in);
        shutdown(dbms, home, temporary, stop);
    }

    /** The password of user neo4j; a kept store that has it already is left as it is. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("Old password and new password cannot be the same")) {
                    return;
                }
            }
            throw e;
        }
    }

    private static synchronized void shutdown(DatabaseManagementService dbms, Path home,
                                              boolean temporary, CountDownLatch stop) {
        if (stop.getCount() == 0) {
            return;
        }
        stop.countDown();
        dbms.shutdown();
        if (temporary) {
            deleteTree(home);
        }
    }

    private static void waitForStdinClose(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // anything written to stdin is ignored; end of input means stop
            }
        } catch (IOException e) {
            // a broken pipe is the same as a closed one
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--port") && !a.equals("--store") && !a.equals("--password") || i + 1 >= args.length) {
                System.err.println("usage: Neo4jLauncher [--port N] [--store DIR] [--password SECRET]");
                System.exit(2);
            }
            out.put(a, args[++i]);
        }
        return out;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
