package io.tunnelwatch.agent.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Brings a database to the latest schema: each migration runs once, in its own transaction, and
 * records itself in {@code schema_version}. Times are stored as nanoseconds since the epoch.
 */
final class SchemaMigrations {

  static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "events and state transitions",
              List.of(
                  "CREATE TABLE events ("
                      + " id {id},"
                      + " at_ns BIGINT NOT NULL,"
                      + " device TEXT NOT NULL,"
                      + " subject_kind TEXT NOT NULL,"
                      + " tunnel TEXT, peer TEXT, flow TEXT,"
                      + " kind TEXT NOT NULL,"
                      + " status TEXT NOT NULL,"
                      + " severity TEXT NOT NULL,"
                      + " summary TEXT NOT NULL,"
                      + " evidence TEXT NOT NULL)",
                  "CREATE INDEX events_at ON events (at_ns)",
                  "CREATE INDEX events_device_at ON events (device, at_ns)",
                  "CREATE TABLE transitions ("
                      + " id {id},"
                      + " at_ns BIGINT NOT NULL,"
                      + " device TEXT NOT NULL,"
                      + " subject_kind TEXT NOT NULL,"
                      + " tunnel TEXT, peer TEXT, flow TEXT,"
                      + " from_state TEXT NOT NULL,"
                      + " to_state TEXT NOT NULL,"
                      + " detail TEXT NOT NULL)",
                  "CREATE INDEX transitions_at ON transitions (at_ns)")),
          new Migration(
              2,
              "poll coverage, hourly usage and CPU peaks",
              List.of(
                  "CREATE TABLE coverage ("
                      + " id {id},"
                      + " device TEXT NOT NULL,"
                      + " from_ns BIGINT NOT NULL,"
                      + " to_ns BIGINT NOT NULL,"
                      + " polls BIGINT NOT NULL,"
                      + " failed_polls BIGINT NOT NULL)",
                  "CREATE INDEX coverage_device_to ON coverage (device, to_ns)",
                  "CREATE INDEX coverage_to ON coverage (to_ns)",
                  // The last stitched totals per subject, so that a restart continues the deltas.
                  "CREATE TABLE usage_baseline ("
                      + " subject_key TEXT PRIMARY KEY,"
                      + " at_ns BIGINT NOT NULL,"
                      + " transmit_total BIGINT NOT NULL,"
                      + " receive_total BIGINT NOT NULL)",
                  "CREATE TABLE usage_hourly ("
                      + " hour_ns BIGINT NOT NULL,"
                      + " subject_key TEXT NOT NULL,"
                      + " device TEXT NOT NULL,"
                      + " subject_kind TEXT NOT NULL,"
                      + " tunnel TEXT, peer TEXT, flow TEXT,"
                      + " transmit_bytes BIGINT NOT NULL,"
                      + " receive_bytes BIGINT NOT NULL,"
                      + " PRIMARY KEY (hour_ns, subject_key))",
                  "CREATE TABLE cpu_hourly ("
                      + " hour_ns BIGINT NOT NULL,"
                      + " device TEXT NOT NULL,"
                      + " max_ratio DOUBLE PRECISION NOT NULL,"
                      + " PRIMARY KEY (hour_ns, device))")),
          new Migration(
              3,
              "device tracker state and alert outboxes kept across restarts",
              List.of(
                  "CREATE TABLE device_state ("
                      + " device TEXT PRIMARY KEY,"
                      + " saved_at_ns BIGINT NOT NULL,"
                      + " format INTEGER NOT NULL,"
                      + " state TEXT NOT NULL)",
                  "CREATE TABLE alert_outbox ("
                      + " destination TEXT NOT NULL,"
                      + " condition_key TEXT NOT NULL,"
                      + " payload TEXT NOT NULL,"
                      + " PRIMARY KEY (destination, condition_key))")));

  private SchemaMigrations() {}

  static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /**
   * Applies the migrations after the database's version up to {@code target}.
   *
   * @return the version the database is at afterwards
   * @throws SQLException also when the database is newer than this code knows
   */
  static int migrate(Connection connection, SqlDialect dialect, int target, Clock clock)
      throws SQLException {
    dialect.lockMigrations(connection);
    int version;
    try {
      version = migrateLocked(connection, dialect, target, clock);
    } catch (SQLException | RuntimeException e) {
      // A broken connection cannot unlock, and its lock ends with it: the cause is what matters.
      try {
        dialect.unlockMigrations(connection);
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    dialect.unlockMigrations(connection);
    return version;
  }

  private static int migrateLocked(
      Connection connection, SqlDialect dialect, int target, Clock clock) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + " version INTEGER PRIMARY KEY,"
              + " description TEXT NOT NULL,"
              + " applied_at_ns BIGINT NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > latestVersion()) {
      throw new SQLException(
          "the history database is at schema version "
              + current
              + " but this tunnelwatch knows versions up to "
              + latestVersion()
              + "; run a newer tunnelwatch or point history at another store");
    }
    try {
      for (Migration migration : ALL) {
        if (migration.version() <= current || migration.version() > target) {
          continue;
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement();
            PreparedStatement record =
                connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at_ns)"
                        + " VALUES (?, ?, ?)")) {
          for (String sql : migration.statementsFor(dialect)) {
            s.execute(sql);
          }
          record.setInt(1, migration.version());
          record.setString(2, migration.description());
          record.setLong(3, EpochNanos.of(clock.instant()));
          record.executeUpdate();
          connection.commit();
          current = migration.version();
        } catch (SQLException e) {
          connection.rollback();
          throw new SQLException(
              "schema migration " + migration.version() + " failed: " + e.getMessage(), e);
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return current;
  }

  /**
   * For a reader that must not write: fails unless the database is at exactly {@code target}, with
   * a message that says what to do.
   */
  static void requireVersion(Connection connection, int target) throws SQLException {
    int current;
    try {
      current = currentVersion(connection);
    } catch (SQLException e) {
      throw new SQLException("it holds no tunnelwatch history (no schema_version table)", e);
    }
    if (current != target) {
      throw new SQLException(
          "the history database is at schema version "
              + current
              + " but this tunnelwatch reads version "
              + target
              + (current < target
                  ? "; start the agent of this version once to migrate it"
                  : "; run a newer tunnelwatch"));
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
