package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.testing.process.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM is killed with SIGKILL while it appends; every event it acknowledged must be in the
 * reopened store exactly once, and the file must pass SQLite's integrity check.
 */
class SigkillDurabilityIT {

  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEventSurvivesAKillExactlyOnce() throws Exception {
    Map<Long, String> acknowledged = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      // Vary the moment of the kill so that it lands at different points of a write.
      Map<Long, String> acked = runWriterAndKill("r" + round, 30 + round * 37);
      assertThat(acknowledged)
          .as("ids never reused")
          .doesNotContainKeys(acked.keySet().toArray(Long[]::new));
      acknowledged.putAll(acked);
    }

    try (JdbcEventHistory store =
        JdbcEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()))) {
      Map<String, Long> stored =
          store.events(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
              .collect(Collectors.groupingBy(Event::summary, Collectors.counting()));
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 30);
      for (String token : acknowledged.values()) {
        assertThat(stored.get(token)).as("times %s is stored", token).isEqualTo(1L);
      }
      // Nothing twice, acknowledged or not (the last unacknowledged append may or may not be
      // there).
      assertThat(stored.values()).allMatch(count -> count == 1L);
    }
    try (Connection c = DriverManager.getConnection(JdbcEventHistory.sqliteUrl(dir));
        Statement s = c.createStatement()) {
      assertThat(EventHistoryContractTest.column(s, "PRAGMA integrity_check"))
          .containsExactly("ok");
      // Each acknowledged id is the row of the event it was acknowledged for.
      Map<Long, String> rows = new HashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT id, summary FROM events")) {
        while (rs.next()) {
          rows.put(rs.getLong(1), rs.getString(2));
        }
      }
      assertThat(rows).containsAllEntriesOf(acknowledged);
    }
  }

  /**
   * Starts a writer, kills it after {@code acks} acknowledgements, returns what it acknowledged.
   */
  private Map<Long, String> runWriterAndKill(String round, int acks) throws Exception {
    Process child =
        ChildJvm.of(HistoryWriterMain.class, dir.toString(), round)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<Long, String> tokens = new HashMap<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      // Read to the end of the pipe: lines already written when the kill lands were acknowledged.
      String line;
      while ((line = readLine(out)) != null) {
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ");
          assertThat(tokens.put(Long.parseLong(parts[1]), parts[2])).as("id reused").isNull();
          if (tokens.size() == acks) {
            child.destroyForcibly();
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return tokens;
  }

  private static String readLine(BufferedReader out) {
    try {
      return out.readLine();
    } catch (IOException e) {
      return null; // the pipe closed with the killed process
    }
  }
}
