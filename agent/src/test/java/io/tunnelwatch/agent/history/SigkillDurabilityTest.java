package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM is killed with SIGKILL while it appends; every event it acknowledged must be in the
 * reopened store exactly once, and the file must pass SQLite's integrity check.
 */
class SigkillDurabilityTest {

  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEventSurvivesAKillExactlyOnce() throws Exception {
    List<String> acknowledged = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      // Vary the moment of the kill so that it lands at different points of a write.
      acknowledged.addAll(runWriterAndKill("r" + round, 30 + round * 37));
    }

    try (SqliteEventHistory store =
        SqliteEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()))) {
      Map<String, Long> stored =
          store.events(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
              .collect(Collectors.groupingBy(Event::summary, Collectors.counting()));
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 30);
      for (String token : acknowledged) {
        assertThat(stored.get(token)).as("times %s is stored", token).isEqualTo(1L);
      }
      // Nothing twice, acknowledged or not (the last unacknowledged append may or may not be
      // there).
      assertThat(stored.values()).allMatch(count -> count == 1L);
    }
    try (Connection c = DriverManager.getConnection(SqliteEventHistory.sqliteUrl(dir));
        Statement s = c.createStatement()) {
      assertThat(EventHistoryContractTest.column(s, "PRAGMA integrity_check"))
          .containsExactly("ok");
    }
  }

  /**
   * Starts a writer, kills it after {@code acks} acknowledgements, returns what it acknowledged.
   */
  private List<String> runWriterAndKill(String round, int acks) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HistoryWriterMain.class.getName(),
                dir.toString(),
                round)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> tokens = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      // Read to the end of the pipe: lines already written when the kill lands were acknowledged.
      String line;
      while ((line = readLine(out)) != null) {
        if (line.startsWith("ACK ")) {
          tokens.add(line.substring(4));
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
