package io.tunnelwatch.agent.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Opens a prepared, migrated connection to the store, first at start and again after the database
 * went away (a PostgreSQL restart). Holds the URL, which may carry a password: never print it.
 */
final class ConnectionSource {

  private final String jdbcUrl;
  private final SqlDialect dialect;
  private final int schemaVersion;
  private final Clock clock;

  ConnectionSource(String jdbcUrl, int schemaVersion, Clock clock) {
    this.jdbcUrl = jdbcUrl;
    this.dialect = SqlDialect.forUrl(jdbcUrl);
    this.schemaVersion = schemaVersion;
    this.clock = clock;
  }

  /** The URL without credentials, safe to show. */
  String where() {
    return JdbcUrls.redact(jdbcUrl);
  }

  Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection(jdbcUrl);
    try {
      dialect.prepare(connection);
      SchemaMigrations.migrate(connection, dialect, schemaVersion, clock);
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
