package io.tunnelwatch.agent.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The child process of {@link SigkillDurabilityIT}: appends events to the store in {@code args[0]}
 * forever, printing {@code ACK <row id> <token>} after each append returns.
 */
public final class HistoryWriterMain {

  private HistoryWriterMain() {}

  public static void main(String[] args) {
    Path stateDir = Path.of(args[0]);
    String round = args[1];
    JdbcEventHistory store =
        JdbcEventHistory.open(stateDir, new CoverageGaps(Duration.ofSeconds(90), Map.of()));
    System.out.println("READY");
    System.out.flush();
    for (long i = 0; ; i++) {
      String token = round + "-" + i;
      long id = store.append(HistoryFixtures.phase1Opened(Instant.now(), token));
      System.out.println("ACK " + id + " " + token);
      System.out.flush();
    }
  }
}
