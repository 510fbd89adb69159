package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Latency of one durable append on this machine's disk: the store (WAL, synchronous=FULL) against
 * the same INSERT on a connection with synchronous=NORMAL, measured in the same run. Not a test;
 * see docs/history.md for how to run it.
 */
public final class HistoryWriteBenchmark {

  private static final int WARMUP = 100;
  private static final int RUNS = 1000;

  private HistoryWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("tunnelwatch-bench");
    CoverageGaps gaps = new CoverageGaps(Duration.ofSeconds(90), Map.of());
    long[] full = new long[RUNS];
    try (JdbcEventHistory store = JdbcEventHistory.open(dir.resolve("full"), gaps)) {
      for (int i = 0; i < WARMUP + RUNS; i++) {
        Event e = HistoryFixtures.phase1Opened(Instant.now(), "bench " + i);
        long start = System.nanoTime();
        store.append(e);
        if (i >= WARMUP) {
          full[i - WARMUP] = System.nanoTime() - start;
        }
      }
    }
    long[] normal = new long[RUNS];
    JdbcEventHistory.open(dir.resolve("normal"), gaps).close();
    try (Connection c =
            DriverManager.getConnection(JdbcEventHistory.sqliteUrl(dir.resolve("normal")));
        Statement pragma = c.createStatement()) {
      pragma.execute("PRAGMA journal_mode=WAL");
      pragma.execute("PRAGMA synchronous=NORMAL");
      for (int i = 0; i < WARMUP + RUNS; i++) {
        long start = System.nanoTime();
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO events (at_ns, device, subject_kind, tunnel, peer, flow, kind,"
                    + " status, severity, summary, evidence)"
                    + " VALUES (?, 'R1', 'IKE_PEER', NULL, '200.0.0.1', NULL, 'phase1_failure',"
                    + " 'OPENED', 'CRITICAL', ?, '[]')")) {
          s.setLong(1, EpochNanos.of(Instant.now()));
          s.setString(2, "bench " + i);
          s.executeUpdate();
        }
        if (i >= WARMUP) {
          normal[i - WARMUP] = System.nanoTime() - start;
        }
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    report("store append (WAL, synchronous=FULL)", full);
    report("raw INSERT (WAL, synchronous=NORMAL)", normal);
    System.out.printf(
        "FULL / NORMAL median ratio: %.2f%n", (double) median(full) / (double) median(normal));
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-40s median %.3f ms, p99 %.3f ms, max %.3f ms (%d appends)%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }
}
