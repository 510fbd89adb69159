package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.history.EventHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the agent's event history for an offline report. The store implementation registers one
 * through {@code META-INF/services/io.tunnelwatch.agent.report.HistoryOpener}; tests pass their
 * own. The caller closes what it gets.
 */
public interface HistoryOpener {

  /** The history kept in an agent's state directory. */
  EventHistory openStateDir(Path stateDir) throws IOException;

  /** The history a configuration file points the agent at. */
  EventHistory openConfigured(AgentConfig config) throws IOException;

  /** The opener on the class path, if a history store is installed. */
  static Optional<HistoryOpener> installed() {
    return ServiceLoader.load(HistoryOpener.class).findFirst();
  }
}
