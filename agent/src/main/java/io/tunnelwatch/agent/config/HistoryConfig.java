package io.tunnelwatch.agent.config;

/**
 * Where the event history is kept: a SQLite file {@code tunnelwatch.db} under {@code state_dir}, or
 * the database at {@code jdbc_url} (SQLite or PostgreSQL). At most one of the two.
 *
 * @param stateDir directory of the SQLite file, relative to the configuration file's folder
 * @param jdbcUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 */
public record HistoryConfig(String stateDir, String jdbcUrl) {

  public static final HistoryConfig NONE = new HistoryConfig(null, null);

  public boolean enabled() {
    return stateDir != null || jdbcUrl != null;
  }
}
