package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the agent's own history store (SQLite file or JDBC URL) for an offline report, read-only: a
 * report never creates, migrates or writes the store, so it works on a read-only copy and cannot
 * spoil the agent's.
 */
public final class StoreHistoryOpener implements HistoryOpener {

  private static final String SQLITE_PATH = "jdbc:sqlite:";

  @Override
  public EventHistory openStateDir(Path stateDir) throws IOException {
    Path file = stateDir.resolve(JdbcEventHistory.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      // Opening would create an empty store and report nothing: say what is missing instead.
      throw new IOException("no event history at " + file);
    }
    return JdbcEventHistory.openReadOnly(stateDir);
  }

  @Override
  public EventHistory openConfigured(AgentConfig config) throws IOException {
    HistoryConfig history = config.history();
    if (history.stateDir().isPresent()) {
      return openStateDir(Path.of(history.stateDir().get()));
    }
    if (history.jdbcUrl().isPresent()) {
      String url = history.jdbcUrl().get();
      if (url.startsWith(SQLITE_PATH)
          && !url.contains("?")
          && !url.startsWith(SQLITE_PATH + "file:")) {
        // A plain file path: opened like a state directory's file, so that it is not created.
        return JdbcEventHistory.openReadOnlyFile(Path.of(url.substring(SQLITE_PATH.length())));
      }
      return JdbcEventHistory.connectReadOnly(url);
    }
    throw new IOException("the configuration keeps no history (no history.state_dir or jdbc_url)");
  }
}
