package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.events.StateTransition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a period's rows of each table back, oldest first. */
final class HistoryReads {

  private final HistoryConnection connection;

  HistoryReads(HistoryConnection connection) {
    this.connection = connection;
  }

  List<Event> events(Instant from, Instant to) {
    return read(
        "read events",
        "SELECT * FROM events WHERE at_ns >= ? AND at_ns < ? ORDER BY at_ns, id",
        from,
        to,
        HistoryReads::event);
  }

  /** The latest {@code limit} events before {@code before}, oldest first. */
  List<Event> latestEvents(Instant before, int limit) {
    List<Event> newestFirst =
        connection.run(
            "read the latest events",
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT * FROM events WHERE at_ns < ? ORDER BY at_ns DESC, id DESC LIMIT ?")) {
                s.setLong(1, EpochNanos.bound(before));
                s.setInt(2, limit);
                List<Event> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    rows.add(event(rs));
                  }
                }
                return rows;
              }
            });
    List<Event> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return List.copyOf(oldestFirst);
  }

  private static Event event(ResultSet rs) throws SQLException {
    String wire = rs.getString("kind");
    EventKind kind =
        EventKind.fromWireName(wire)
            .orElseThrow(() -> new SQLException("stored event kind '" + wire + "' is not known"));
    return new Event(
        EpochNanos.toInstant(rs.getLong("at_ns")),
        SubjectColumns.read(rs),
        kind,
        EventStatus.valueOf(rs.getString("status")),
        Severity.valueOf(rs.getString("severity")),
        rs.getString("summary"),
        EvidenceCodec.decode(rs.getString("evidence")));
  }

  List<StateTransition> transitions(Instant from, Instant to) {
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
  List<CoverageInterval> coverage(Instant from, Instant to) {
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
  List<UsageBucket> usage(Instant from, Instant to) {
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

  List<CpuPeak> cpuPeaks(Instant from, Instant to) {
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

  private <T> List<T> read(
      String what, String sql, Instant from, Instant to, HistoryConnection.RowReader<T> reader) {
    return connection.run(
        what,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
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
}
