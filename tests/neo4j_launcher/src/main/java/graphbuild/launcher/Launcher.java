package graphbuild.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j 5 Community database with its Bolt connector for the test suite.
 *
 * <p>Usage: {@code java -jar neo4j-launcher.jar --port 7687 --password secret --home DIR
 * [--import-dir DIR] [--no-stdin]}. Prints {@code READY bolt://127.0.0.1:PORT} once Bolt accepts
 * logins with the given password, and shuts the database down cleanly on SIGTERM or when its
 * standard input closes (so a crashed parent never leaves a database running).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(require(opts, "port"));
        String password = require(opts, "password");
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        Files.createDirectories(home);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The default 5 s waits (twice) for idle Bolt connections and threads only slow test runs.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                // Small footprint: the test machine is shared by many processes.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.mebiBytes(64));
        if (opts.containsKey("import-dir")) {
            Path importDir = Path.of(opts.get("import-dir")).toAbsolutePath();
            Files.createDirectories(importDir);
            builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir);
        }

        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean down = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (down.compareAndSet(false, true)) {
                dbms.shutdown();
                System.out.println("STOPPED");
                System.out.flush();
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        try {
            // The built-in user starts with a default password that must be changed; set ours.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            fail(e);
        }

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        if (!opts.containsKey("no-stdin")) {
            Thread watcher = new Thread(() -> {
                waitForEof(System.in);
                System.exit(0);  // runs the shutdown hook
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /** Neo4j's own threads would keep the JVM alive after a failed start: report and exit. */
    private static void fail(RuntimeException e) {
        System.out.println("FAILED " + e.getMessage());
        e.printStackTrace(System.out);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    private static void waitForEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: stop as for end of input.
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String key = arg.substring(2);
            if (key.equals("no-stdin")) {
                opts.put(key, "true");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null) {
            System.err.println("usage: --port N --password PW --home DIR [--import-dir DIR] [--no-stdin]");
            System.exit(2);
        }
        return value;
    }
}
