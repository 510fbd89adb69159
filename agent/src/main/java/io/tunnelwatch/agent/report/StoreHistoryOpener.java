package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Opens the agent's own history store (SQLite file or JDBC URL) for an offline report. */
public final class StoreHistoryOpener implements HistoryOpener {

  @Override
  public EventHistory openStateDir(Path stateDir) throws IOException {
    Path file = stateDir.resolve(JdbcEventHistory.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      // Opening would create an empty store and report nothing: say what is missing instead.
      throw new IOException("no event history at " + file);
    }
    return JdbcEventHistory.open(stateDir, CoverageGaps.fromIntervals(Map.of()));
  }

  @Override
  public EventHistory openConfigured(AgentConfig config) throws IOException {
    HistoryConfig history = config.history();
    if (history.stateDir() != null) {
      return openStateDir(Path.of(history.stateDir()));
    }
    if (history.jdbcUrl() != null) {
      return JdbcEventHistory.connect(history.jdbcUrl(), CoverageGaps.fromIntervals(Map.of()));
    }
    throw new IOException("the configuration keeps no history (no history.state_dir or jdbc_url)");
  }
}
