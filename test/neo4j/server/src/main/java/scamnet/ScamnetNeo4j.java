package scamnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community in this JVM with Bolt on 127.0.0.1 and authentication on, as a production server
 * runs. Arguments: --password P (required), --user U (default neo4j), --port N (0 = any free port),
 * --data DIR (the server's home; a temp dir, removed at exit, when not given), --pagecache-mb N.
 * Prints exactly one line on stdout, NEO4J_URI=bolt://127.0.0.1:PORT, once Bolt accepts
 * connections; everything else goes to stderr so callers can wait for that line alone.
 * SIGTERM/SIGINT shut the databases down cleanly (the JVM runs the shutdown hook for both).
 */
public final class ScamnetNeo4j {
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    String password = opts.get("password");
    if (password == null || password.isEmpty()) fail("--password is required (auth is always on)");
    String user = opts.getOrDefault("user", "neo4j");
    int port = Integer.parseInt(opts.getOrDefault("port", "0"));
    long pagecacheMb = Long.parseLong(opts.getOrDefault("pagecache-mb", "512"));
    boolean tempHome = !opts.containsKey("data");
    Path home = tempHome ? Files.createTempDirectory("scamnet-neo4j-") : Path.of(opts.get("data")).toAbsolutePath();
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // explicit, so the server fits beside the test suite on a small machine
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("neo4j: shutting down");
      try {
        dbms.shutdown();
      } finally {
        if (tempHome) deleteTree(home);
        stopped.countDown();
      }
    }, "scamnet-neo4j-shutdown"));

    GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    // The first start leaves user neo4j with the password "neo4j" that must be changed before any
    // query runs; embedded transactions are not subject to auth, so set the requested one here
    // (again on every start, so --password always wins over what an old data dir holds).
    if (user.equals("neo4j")) {
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } else {
      system.executeTransactionally("CREATE OR REPLACE USER $user SET PASSWORD $pw CHANGE NOT REQUIRED",
          Map.of("user", user, "pw", password));
    }

    // With --port 0 the connector binds any free port; the register says which.
    HostnamePort bolt = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT);
    if (bolt == null) fail("the Bolt connector did not start");
    System.err.println("neo4j: " + dbms.listDatabases() + " in " + home + (tempHome ? " (temp, removed at exit)" : ""));
    System.out.println("NEO4J_URI=bolt://127.0.0.1:" + bolt.getPort());
    System.out.flush();
    stopped.await();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) fail("bad argument: " + a + " (want --name value)");
      out.put(a.substring(2), args[++i]);
    }
    return out;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("neo4j: could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static void fail(String message) {
    System.err.println("neo4j: " + message);
    System.exit(2);
  }
}
