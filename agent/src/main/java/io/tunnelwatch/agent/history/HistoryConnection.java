package io.tunnelwatch.agent.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one connection, serialised by a lock: writes are a few per poll, and SQLite admits
 * one writer at a time anyway. A connection found broken after a failure is replaced before the
 * next piece of work (a PostgreSQL restart).
 */
final class HistoryConnection {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryConnection.class);

  /** Work on the connection; runs under the lock. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final ConnectionSource source;
  private final String where;
  // Guarded by lock; replaced when the database went away and came back.
  private Connection connection;
  private boolean broken;
  private boolean closed;

  HistoryConnection(ConnectionSource source, Connection connection) {
    this.source = source;
    this.where = source.where();
    this.connection = connection;
  }

  /** Opens the first connection of a store. */
  static Connection open(ConnectionSource source) {
    try {
      return source.open();
    } catch (SQLException e) {
      throw new HistoryStoreException(
          "cannot open the history store " + source.where() + ": " + e.getMessage(), e);
    }
  }

  /** Where the store is, safe to show (no credentials). */
  String where() {
    return where;
  }

  /** Work that only writes. */
  interface Update {
    void run(Connection connection) throws SQLException;
  }

  /** Writes in auto-commit mode. */
  void update(String what, Update update) {
    run(
        what,
        c -> {
          update.run(c);
          return true;
        });
  }

  /** Writes as one transaction: all of it is committed, or none. */
  void updateAtomically(String what, Update update) {
    transaction(
        what,
        c -> {
          update.run(c);
          return true;
        });
  }

  /** Runs one statement's worth of work in auto-commit mode. */
  <T> T run(String what, Work<T> work) {
    lock.lock();
    try {
      ensureUsable();
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs work as one transaction: all of it is committed, or none. */
  <T> T transaction(String what, Work<T> work) {
    lock.lock();
    try {
      ensureUsable();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the connection; later work fails. Idempotent. */
  boolean close() {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      closeQuietly(connection);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Reads one row of a row mapper. */
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first row of a query by one text key, or null when there is none. */
  static <T> @Nullable T firstRow(Connection c, String sql, String key, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? reader.read(rs) : null;
      }
    }
  }

  static long generatedId(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private void ensureUsable() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the history store " + where + " is closed");
    }
    if (broken) {
      Connection fresh = source.open();
      closeQuietly(connection);
      connection = fresh;
      broken = false;
      LOG.info("history store {} reconnected", where);
    }
  }

  private HistoryStoreException failure(String what, SQLException e) {
    try {
      broken = connection.isClosed() || !connection.isValid(2);
    } catch (SQLException ignored) {
      broken = true;
    }
    return new HistoryStoreException("cannot " + what + " in " + where + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the history store: {}", e.getMessage());
    }
  }
}
