package io.tunnelwatch.agent.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Opens a prepared, migrated connection to the store, first at start and again after the database
 * went away (a PostgreSQL restart); or, for a reader such as a report, a read-only connection to a
 * store that must already be at the latest schema (nothing is created, migrated or set). Holds the
 * URL, which may carry a password: never print it.
 */
final class ConnectionSource {

  private final String jdbcUrl;
  private final SqlDialect dialect;
  private final int schemaVersion;
  private final Clock clock;
  private final boolean readOnly;

  ConnectionSource(String jdbcUrl, int schemaVersion, Clock clock) {
    this(jdbcUrl, schemaVersion, clock, false);
  }

  private ConnectionSource(String jdbcUrl, int schemaVersion, Clock clock, boolean readOnly) {
    this.jdbcUrl = jdbcUrl;
    this.dialect = SqlDialect.forUrl(jdbcUrl);
    this.schemaVersion = schemaVersion;
    this.clock = clock;
    this.readOnly = readOnly;
  }

  /**
   * A source for reading only. A SQLite URL must say so itself ({@code mode=ro} or {@code
   * immutable=1}), since SQLite takes the mode when the file is opened.
   */
  static ConnectionSource readOnly(String jdbcUrl, int schemaVersion) {
    return new ConnectionSource(jdbcUrl, schemaVersion, Clock.systemUTC(), true);
  }

  /** The URL without credentials, safe to show. */
  String where() {
    return JdbcUrls.redact(jdbcUrl);
  }

  Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection(jdbcUrl);
    try {
      if (readOnly) {
        dialect.prepareReadOnly(connection);
        SchemaMigrations.requireVersion(connection, schemaVersion);
      } else {
        dialect.prepare(connection);
        SchemaMigrations.migrate(connection, dialect, schemaVersion, clock);
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return where();
  }
}
