package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.events.StateTransition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event history in a SQLite file {@value #FILE_NAME} under the state directory (WAL mode,
 * synchronous FULL), or in PostgreSQL when given a {@code jdbc:postgresql:} URL. Every write is
 * committed before the method returns. One connection serialised by a lock: writes are a few per
 * poll, and SQLite admits one writer at a time anyway.
 */
public final class SqliteEventHistory implements EventHistory {

  public static final String FILE_NAME = "tunnelwatch.db";

  static final int MAX_UNWRITTEN = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEventHistory.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final ConnectionSource source;
  // Guarded by lock; replaced when the database went away and came back.
  private Connection connection;
  private boolean connectionBroken;
  private final CoverageGaps gaps;
  private final String where;
  private final Map<String, OpenInterval> openIntervals = new HashMap<>();
  private final Deque<Object> unwritten = new ArrayDeque<>();
  private boolean writesFailing;
  private long droppedUnwritten;
  private boolean closed;

  private record OpenInterval(long id, long fromNs, long toNs) {}

  private record Baseline(long atNs, long transmit, long receive) {}

  private SqliteEventHistory(ConnectionSource source, Connection connection, CoverageGaps gaps) {
    this.source = source;
    this.connection = connection;
    this.gaps = gaps;
    this.where = source.where();
  }

  /** Opens (creating if needed) {@code stateDir/tunnelwatch.db} at the latest schema. */
  public static SqliteEventHistory open(Path stateDir, CoverageGaps gaps) {
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new HistoryStoreException(
          "cannot create the state directory " + stateDir + ": " + e.getMessage(), e);
    }
    return connect(sqliteUrl(stateDir), gaps);
  }

  /** Opens a store at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL. */
  public static SqliteEventHistory connect(String jdbcUrl, CoverageGaps gaps) {
    return connect(jdbcUrl, gaps, SchemaMigrations.latestVersion(), Clock.systemUTC());
  }

  static SqliteEventHistory connect(
      String jdbcUrl, CoverageGaps gaps, int schemaVersion, Clock clock) {
    ConnectionSource source = new ConnectionSource(jdbcUrl, schemaVersion, clock);
    Connection connection;
    try {
      connection = source.open();
    } catch (SQLException e) {
      throw new HistoryStoreException(
          "cannot open the history store " + source.where() + ": " + e.getMessage(), e);
    }
    LOG.info("event history at {}", source.where());
    return new SqliteEventHistory(source, connection, gaps);
  }

  static String sqliteUrl(Path stateDir) {
    return "jdbc:sqlite:" + stateDir.resolve(FILE_NAME).toAbsolutePath();
  }

  /** Where the store is, safe to show (no credentials). */
  public String location() {
    return where;
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** Appends an event; returns its row id once it is durable. */
  public long append(Event event) {
    return write(
        "append an event",
        () -> {
          try (PreparedStatement s =
              connection.prepareStatement(
                  "INSERT INTO events (at_ns, device, subject_kind, tunnel, peer, flow, kind,"
                      + " status, severity, summary, evidence)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, EpochNanos.of(event.at()));
            int i = SubjectColumns.bind(s, 2, event.subject());
            s.setString(i, event.kind().wireName());
            s.setString(i + 1, event.status().name());
            s.setString(i + 2, event.severity().name());
            s.setString(i + 3, event.summary());
            s.setString(i + 4, EvidenceCodec.encode(event.evidence()));
            s.executeUpdate();
            return generatedId(s);
          }
        });
  }

  /** Appends a state transition; returns its row id once it is durable. */
  public long append(StateTransition transition) {
    return write(
        "append a state transition",
        () -> {
          try (PreparedStatement s =
              connection.prepareStatement(
                  "INSERT INTO transitions (at_ns, device, subject_kind, tunnel, peer, flow,"
                      + " from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, EpochNanos.of(transition.at()));
            int i = SubjectColumns.bind(s, 2, transition.subject());
            s.setString(i, transition.from().name());
            s.setString(i + 1, transition.to().name());
            s.setString(i + 2, transition.detail());
            s.executeUpdate();
            return generatedId(s);
          }
        });
  }

  /**
   * Listener entry point. A failed write is never thrown into the poll thread: the event is kept in
   * memory (up to {@value #MAX_UNWRITTEN} records) and written before the next one, so that a short
   * database outage loses nothing.
   */
  @Override
  public void onEvent(Event event) {
    appendOrKeep(event);
  }

  @Override
  public void onTransition(StateTransition transition) {
    appendOrKeep(transition);
  }

  /** Records that failed to be written and wait for the next attempt, oldest first. */
  int unwrittenCount() {
    lock.lock();
    try {
      return unwritten.size();
    } finally {
      lock.unlock();
    }
  }

  private void appendOrKeep(Object record) {
    lock.lock();
    try {
      unwritten.addLast(record);
      while (!unwritten.isEmpty()) {
        Object next = unwritten.peekFirst();
        if (next instanceof Event e) {
          append(e);
        } else {
          append((StateTransition) next);
        }
        unwritten.removeFirst();
      }
      if (writesFailing) {
        LOG.info("history store {} writable again; kept records written", where);
        writesFailing = false;
      }
    } catch (RuntimeException e) {
      if (unwritten.size() > MAX_UNWRITTEN) {
        unwritten.removeFirst();
        droppedUnwritten++;
      }
      if (!writesFailing) {
        writesFailing = true;
        LOG.error(
            "cannot write to the history store, keeping records in memory until it works: {}",
            e.getMessage());
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void recordPoll(String device, Instant at, boolean success) {
    long atNs = EpochNanos.of(at);
    long maxGapNs = gaps.forDevice(device).toNanos();
    write(
        "record a poll",
        () -> {
          OpenInterval open = openIntervals.get(device);
          if (open == null) {
            open = lastInterval(device);
          }
          if (open != null && atNs >= open.fromNs() && atNs - open.toNs() <= maxGapNs) {
            long toNs = Math.max(open.toNs(), atNs);
            try (PreparedStatement s =
                connection.prepareStatement(
                    "UPDATE coverage SET to_ns = ?, polls = polls + 1,"
                        + " failed_polls = failed_polls + ? WHERE id = ?")) {
              s.setLong(1, toNs);
              s.setLong(2, success ? 0 : 1);
              s.setLong(3, open.id());
              s.executeUpdate();
            }
            openIntervals.put(device, new OpenInterval(open.id(), open.fromNs(), toNs));
          } else {
            try (PreparedStatement s =
                connection.prepareStatement(
                    "INSERT INTO coverage (device, from_ns, to_ns, polls, failed_polls)"
                        + " VALUES (?, ?, ?, 1, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
              s.setString(1, device);
              s.setLong(2, atNs);
              s.setLong(3, atNs);
              s.setLong(4, success ? 0 : 1);
              s.executeUpdate();
              openIntervals.put(device, new OpenInterval(generatedId(s), atNs, atNs));
            }
          }
          return null;
        });
  }

  /**
   * Adds the traffic since the subject's previous sample to the hour of this sample. The first
   * sample of a subject only sets the baseline; a total lower than the baseline (the agent's
   * stitched totals restarted) adds nothing and becomes the new baseline. Samples not newer than
   * the baseline are ignored.
   */
  @Override
  public void recordUsage(UsageSample sample) {
    ObjectKind kind = sample.subject().kind();
    if (kind != ObjectKind.TUNNEL && kind != ObjectKind.IPSEC_FLOW) {
      throw new IllegalArgumentException(
          "usage is kept per tunnel or IPsec flow, got a " + kind + " reference");
    }
    if (sample.transmitBytesTotal() < 0 || sample.receiveBytesTotal() < 0) {
      throw new IllegalArgumentException(
          "expected byte totals >= 0, got transmit "
              + sample.transmitBytesTotal()
              + " receive "
              + sample.receiveBytesTotal());
    }
    String key = sample.subject().key();
    long atNs = EpochNanos.of(sample.at());
    transaction(
        "record usage",
        () -> {
          Baseline baseline = baseline(key);
          if (baseline != null && atNs <= baseline.atNs()) {
            return null;
          }
          if (baseline != null) {
            long tx = Math.max(0, sample.transmitBytesTotal() - baseline.transmit());
            long rx = Math.max(0, sample.receiveBytesTotal() - baseline.receive());
            addUsage(EpochNanos.hourOf(sample.at()), sample.subject(), tx, rx);
          }
          try (PreparedStatement s =
              connection.prepareStatement(
                  "INSERT INTO usage_baseline (subject_key, at_ns, transmit_total, receive_total)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (subject_key) DO UPDATE SET"
                      + " at_ns = excluded.at_ns, transmit_total = excluded.transmit_total,"
                      + " receive_total = excluded.receive_total")) {
            s.setString(1, key);
            s.setLong(2, atNs);
            s.setLong(3, sample.transmitBytesTotal());
            s.setLong(4, sample.receiveBytesTotal());
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void recordCpu(String device, Instant at, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("expected a CPU ratio between 0 and 1, got " + ratio);
    }
    write(
        "record CPU",
        () -> {
          try (PreparedStatement s =
              connection.prepareStatement(
                  "INSERT INTO cpu_hourly (hour_ns, device, max_ratio) VALUES (?, ?, ?)"
                      + " ON CONFLICT (hour_ns, device) DO UPDATE SET max_ratio = CASE"
                      + " WHEN excluded.max_ratio > cpu_hourly.max_ratio THEN excluded.max_ratio"
                      + " ELSE cpu_hourly.max_ratio END")) {
            s.setLong(1, EpochNanos.hourOf(at));
            s.setString(2, device);
            s.setDouble(3, ratio);
            s.executeUpdate();
          }
          return null;
        });
  }

  private void addUsage(long hourNs, ObjectRef subject, long tx, long rx) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO usage_hourly (hour_ns, subject_key, device, subject_kind, tunnel, peer,"
                + " flow, transmit_bytes, receive_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (hour_ns, subject_key) DO UPDATE SET"
                + " transmit_bytes = usage_hourly.transmit_bytes + excluded.transmit_bytes,"
                + " receive_bytes = usage_hourly.receive_bytes + excluded.receive_bytes")) {
      s.setLong(1, hourNs);
      s.setString(2, subject.key());
      int i = SubjectColumns.bind(s, 3, subject);
      s.setLong(i, tx);
      s.setLong(i + 1, rx);
      s.executeUpdate();
    }
  }

  private Baseline baseline(String key) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT at_ns, transmit_total, receive_total FROM usage_baseline"
                + " WHERE subject_key = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new Baseline(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : null;
      }
    }
  }

  private OpenInterval lastInterval(String device) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, from_ns, to_ns FROM coverage WHERE device = ?"
                + " ORDER BY to_ns DESC, id DESC LIMIT 1")) {
      s.setString(1, device);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new OpenInterval(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : null;
      }
    }
  }

  // ---- reads ----------------------------------------------------------------------------------

  @Override
  public List<Event> events(Instant from, Instant to) {
    return read(
        "read events",
        "SELECT * FROM events WHERE at_ns >= ? AND at_ns < ? ORDER BY at_ns, id",
        from,
        to,
        rs -> {
          String wire = rs.getString("kind");
          EventKind kind =
              EventKind.fromWireName(wire)
                  .orElseThrow(
                      () -> new SQLException("stored event kind '" + wire + "' is not known"));
          return new Event(
              EpochNanos.toInstant(rs.getLong("at_ns")),
              SubjectColumns.read(rs),
              kind,
              EventStatus.valueOf(rs.getString("status")),
              Severity.valueOf(rs.getString("severity")),
              rs.getString("summary"),
              EvidenceCodec.decode(rs.getString("evidence")));
        });
  }

  @Override
  public List<StateTransition> transitions(Instant from, Instant to) {
    return read(
        "read state transitions",
        "SELECT * FROM transitions WHERE at_ns >= ? AND at_ns < ? ORDER BY at_ns, id",
        from,
        to,
        rs ->
            new StateTransition(
                EpochNanos.toInstant(rs.getLong("at_ns")),
                SubjectColumns.read(rs),
                ObjectState.valueOf(rs.getString("from_state")),
                ObjectState.valueOf(rs.getString("to_state")),
                rs.getString("detail")));
  }

  /** Intervals overlapping the period, clipped to it. */
  @Override
  public List<CoverageInterval> coverage(Instant from, Instant to) {
    long fromNs = EpochNanos.bound(from);
    long toNs = EpochNanos.bound(to);
    return read(
        "read coverage",
        "SELECT device, from_ns, to_ns FROM coverage WHERE to_ns >= ? AND from_ns < ?"
            + " ORDER BY device, from_ns",
        from,
        to,
        rs ->
            new CoverageInterval(
                rs.getString("device"),
                EpochNanos.toInstant(Math.max(fromNs, rs.getLong("from_ns"))),
                EpochNanos.toInstant(Math.min(toNs, rs.getLong("to_ns")))));
  }

  /** Hourly buckets whose hour starts in the period. */
  @Override
  public List<UsageBucket> usage(Instant from, Instant to) {
    return read(
        "read usage",
        "SELECT * FROM usage_hourly WHERE hour_ns >= ? AND hour_ns < ? ORDER BY hour_ns,"
            + " subject_key",
        from,
        to,
        rs ->
            new UsageBucket(
                EpochNanos.toInstant(rs.getLong("hour_ns")),
                SubjectColumns.read(rs),
                rs.getLong("transmit_bytes"),
                rs.getLong("receive_bytes")));
  }

  @Override
  public List<CpuPeak> cpuPeaks(Instant from, Instant to) {
    return read(
        "read CPU peaks",
        "SELECT hour_ns, device, max_ratio FROM cpu_hourly WHERE hour_ns >= ? AND hour_ns < ?"
            + " ORDER BY hour_ns, device",
        from,
        to,
        rs ->
            new CpuPeak(
                EpochNanos.toInstant(rs.getLong("hour_ns")),
                rs.getString("device"),
                rs.getDouble("max_ratio")));
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        closeQuietly(connection);
        if (!unwritten.isEmpty() || droppedUnwritten > 0) {
          LOG.error(
              "history store {} closed with {} records never written ({} dropped earlier)",
              where,
              unwritten.size(),
              droppedUnwritten);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T write(String what, SqlWork<T> work) {
    lock.lock();
    try {
      ensureOpen();
      ensureConnected();
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T transaction(String what, SqlWork<T> work) {
    lock.lock();
    try {
      ensureOpen();
      ensureConnected();
      connection.setAutoCommit(false);
      try {
        T result = work.run();
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

  private <T> List<T> read(String what, String sql, Instant from, Instant to, RowReader<T> reader) {
    return write(
        what,
        () -> {
          try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, EpochNanos.bound(from));
            s.setLong(2, EpochNanos.bound(to));
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(reader.read(rs));
              }
            }
            return List.copyOf(rows);
          }
        });
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the history store " + where + " is closed");
    }
  }

  private void ensureConnected() throws SQLException {
    if (connectionBroken) {
      Connection fresh = source.open();
      closeQuietly(connection);
      connection = fresh;
      connectionBroken = false;
      openIntervals.clear();
      LOG.info("history store {} reconnected", where);
    }
  }

  private HistoryStoreException failure(String what, SQLException e) {
    try {
      connectionBroken = connection.isClosed() || !connection.isValid(2);
    } catch (SQLException ignored) {
      connectionBroken = true;
    }
    return new HistoryStoreException("cannot " + what + " in " + where + ": " + e.getMessage(), e);
  }

  private static long generatedId(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the history store: {}", e.getMessage());
    }
  }
}
