package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.alerting.OutboxJournal;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.PendingWrite.PendingEvent;
import io.tunnelwatch.agent.history.PendingWrite.PendingTransition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event history over JDBC: in a SQLite file {@value #FILE_NAME} under the state directory (WAL
 * mode, synchronous FULL), or in PostgreSQL when given a {@code jdbc:postgresql:} URL. Every write
 * is committed before the method returns. Events, coverage and usage are written by their own
 * classes over one shared {@link HistoryConnection}.
 */
public final class JdbcEventHistory implements EventHistory {

  public static final String FILE_NAME = "tunnelwatch.db";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcEventHistory.class);

  private final HistoryConnection connection;
  private final EventWrites eventWrites;
  private final PendingWrites pending;
  private final CoverageWrites coverageWrites;
  private final UsageWrites usageWrites;
  private final HistoryReads reads;
  private final JdbcDeviceStates deviceStates;
  private final JdbcOutboxJournal alertOutbox;

  private JdbcEventHistory(HistoryConnection connection, CoverageGaps gaps, Clock clock) {
    this.connection = connection;
    this.eventWrites = new EventWrites(connection);
    this.pending = new PendingWrites(eventWrites, connection.where());
    this.coverageWrites = new CoverageWrites(connection, gaps);
    this.usageWrites = new UsageWrites(connection);
    this.reads = new HistoryReads(connection);
    this.deviceStates = new JdbcDeviceStates(connection, clock);
    this.alertOutbox = new JdbcOutboxJournal(connection);
  }

  /** Opens (creating if needed) {@code stateDir/tunnelwatch.db} at the latest schema. */
  public static JdbcEventHistory open(Path stateDir, CoverageGaps gaps) {
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new HistoryStoreException(
          "cannot create the state directory " + stateDir + ": " + e.getMessage(), e);
    }
    return connect(sqliteUrl(stateDir), gaps);
  }

  /** Opens a store at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL. */
  public static JdbcEventHistory connect(String jdbcUrl, CoverageGaps gaps) {
    return connect(jdbcUrl, gaps, SchemaMigrations.latestVersion(), Clock.systemUTC());
  }

  static JdbcEventHistory connect(
      String jdbcUrl, CoverageGaps gaps, int schemaVersion, Clock clock) {
    ConnectionSource source = new ConnectionSource(jdbcUrl, schemaVersion, clock);
    HistoryConnection connection = new HistoryConnection(source, HistoryConnection.open(source));
    LOG.info("event history at {}", source.where());
    return new JdbcEventHistory(connection, gaps, clock);
  }

  /**
   * Opens {@code stateDir/tunnelwatch.db} for reading only: nothing is created, migrated or
   * written, so a read-only state directory can be read (see {@link ReadOnlySqliteFile}).
   *
   * @throws HistoryStoreException when the file is missing, empty, not a database or not at the
   *     latest schema
   */
  public static JdbcEventHistory openReadOnly(Path stateDir) {
    return openReadOnlyFile(stateDir.resolve(FILE_NAME));
  }

  /** Opens a SQLite history file for reading only, like {@link #openReadOnly(Path)}. */
  public static JdbcEventHistory openReadOnlyFile(Path file) {
    return connectReadOnly(ReadOnlySqliteFile.url(file));
  }

  /** Opens a store at a JDBC URL for reading only; a SQLite URL must open the file read-only. */
  public static JdbcEventHistory connectReadOnly(String jdbcUrl) {
    ConnectionSource source = ConnectionSource.readOnly(jdbcUrl, SchemaMigrations.latestVersion());
    HistoryConnection connection = new HistoryConnection(source, HistoryConnection.open(source));
    return new JdbcEventHistory(
        connection, CoverageGaps.fromIntervals(Map.of()), Clock.systemUTC());
  }

  static String sqliteUrl(Path stateDir) {
    return "jdbc:sqlite:" + stateDir.resolve(FILE_NAME).toAbsolutePath();
  }

  /** Where the store is, safe to show (no credentials). */
  public String location() {
    return connection.where();
  }

  /** Appends an event; returns its row id once it is durable. */
  public long append(Event event) {
    return eventWrites.append(event);
  }

  /** Appends a state transition; returns its row id once it is durable. */
  public long append(StateTransition transition) {
    return eventWrites.append(transition);
  }

  /**
   * Listener entry point. A failed write is never thrown into the poll thread: the event is kept in
   * memory and written before the next one (see {@link PendingWrites}).
   */
  @Override
  public void onEvent(Event event) {
    pending.writeOrKeep(new PendingEvent(event));
  }

  @Override
  public void onTransition(StateTransition transition) {
    pending.writeOrKeep(new PendingTransition(transition));
  }

  /** Records that failed to be written and wait for the next attempt, oldest first. */
  int unwrittenCount() {
    return pending.size();
  }

  @Override
  public void recordPoll(String device, Instant at, boolean success) {
    coverageWrites.recordPoll(device, at, success);
  }

  @Override
  public void recordUsage(UsageSample sample) {
    usageWrites.recordUsage(sample);
  }

  @Override
  public void recordCpu(String device, Instant at, double ratio) {
    usageWrites.recordCpu(device, at, ratio);
  }

  @Override
  public DeviceStateStore deviceStates() {
    return deviceStates;
  }

  @Override
  public OutboxJournal alertOutbox() {
    return alertOutbox;
  }

  @Override
  public List<Event> events(Instant from, Instant to) {
    return reads.events(from, to);
  }

  @Override
  public List<Event> latestEvents(Instant before, int limit) {
    return reads.latestEvents(before, limit);
  }

  @Override
  public List<StateTransition> transitions(Instant from, Instant to) {
    return reads.transitions(from, to);
  }

  @Override
  public List<CoverageInterval> coverage(Instant from, Instant to) {
    return reads.coverage(from, to);
  }

  @Override
  public List<UsageBucket> usage(Instant from, Instant to) {
    return reads.usage(from, to);
  }

  @Override
  public List<CpuPeak> cpuPeaks(Instant from, Instant to) {
    return reads.cpuPeaks(from, to);
  }

  @Override
  public void close() {
    if (connection.close()) {
      pending.reportLost();
    }
  }
}
