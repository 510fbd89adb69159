package io.tunnelwatch.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the event history is kept: a SQLite file {@code tunnelwatch.db} under {@code state_dir}, or
 * the database at {@code jdbc_url} (SQLite or PostgreSQL). At most one of the two; neither keeps no
 * history.
 *
 * @param stateDir directory of the SQLite file, relative to the configuration file's folder
 * @param jdbcUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 */
public record HistoryConfig(Optional<String> stateDir, Optional<String> jdbcUrl) {

  public static final HistoryConfig NONE = new HistoryConfig(Optional.empty(), Optional.empty());

  // Jackson passes null for a key the YAML leaves out; no component stays null.
  public HistoryConfig {
    stateDir = Objects.requireNonNullElse(stateDir, Optional.empty());
    jdbcUrl = Objects.requireNonNullElse(jdbcUrl, Optional.empty());
  }

  /** A SQLite file under {@code stateDir} (e.g. from {@code --state-dir}). */
  public static HistoryConfig ofStateDir(String stateDir) {
    return new HistoryConfig(Optional.of(stateDir), Optional.empty());
  }

  /** The database at {@code jdbcUrl}. */
  public static HistoryConfig ofJdbcUrl(String jdbcUrl) {
    return new HistoryConfig(Optional.empty(), Optional.of(jdbcUrl));
  }

  public boolean enabled() {
    return stateDir.isPresent() || jdbcUrl.isPresent();
  }
}
