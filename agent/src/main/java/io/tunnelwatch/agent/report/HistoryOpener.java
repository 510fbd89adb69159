package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.history.EventHistory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the agent's event history for an offline report ({@link StoreHistoryOpener} for the agent's
 * own store; tests pass their own). The caller closes what it gets.
 */
public interface HistoryOpener {

  /** The history kept in an agent's state directory. */
  EventHistory openStateDir(Path stateDir) throws IOException;

  /** The history a configuration file points the agent at. */
  EventHistory openConfigured(AgentConfig config) throws IOException;
}
