package io.tunnelwatch.testing.postgres;

import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian {@code postgresql}) in a temporary directory on a free loopback port,
 * run as the {@code postgres} user through {@code runuser}; local trust authentication.
 */
public final class RunningPostgres implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;
  private int schemas;

  private RunningPostgres(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static RunningPostgres start() throws IOException, InterruptedException {
    // Not under JUnit's root-only temp dir: the postgres user must reach it.
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "tunnelwatch-pg");
    UserPrincipal postgres =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
    Files.setOwner(dir, postgres);
    int port = FreePorts.tcp();
    Path data = dir.resolve("data");
    run(dir, binary("initdb"), "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync");
    RunningPostgres server = new RunningPostgres(dir, port);
    server.startServer();
    return server;
  }

  /** Starts the server on its port (again, after {@link #stopServer()}). */
  public void startServer() throws IOException, InterruptedException {
    run(
        dir,
        binary("pg_ctl"),
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
        "-w",
        "start");
  }

  /**
   * Stops the server, ending every session ({@code pg_ctl stop -m fast}, by its postmaster PID).
   */
  public void stopServer() throws IOException, InterruptedException {
    run(dir, binary("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
  }

  private static String binary(String name) {
    Path inVersionDir = BIN.resolve(name);
    return Files.isExecutable(inVersionDir) ? inVersionDir.toString() : name;
  }

  private static void run(Path dir, String... command) {
    List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    line.addAll(List.of(command));
    ProcessRunner.defaults().in(dir).exec(line).requireSuccess();
  }

  /**
   * Creates a fresh, empty schema and returns a URL whose unqualified tables live in it (much
   * cheaper than a database per test, which costs a checkpoint each).
   */
  public String newEmptySchema() throws SQLException {
    schemas++;
    String name = "history_" + schemas;
    String base = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return base + "&currentSchema=" + name;
  }

  @Override
  public void close() throws IOException {
    try {
      stopServer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL in " + dir, e);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
