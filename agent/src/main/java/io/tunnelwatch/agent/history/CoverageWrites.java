package io.tunnelwatch.agent.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records polls as coverage intervals: a poll within the device's gap of its last interval extends
 * it, a later one starts a new interval. The open interval of each device is cached for the
 * connection it was read on (after a reconnect the ids may belong to a replaced database); the
 * cache is only touched under the connection's lock.
 */
final class CoverageWrites {

  private record OpenInterval(long id, long fromNs, long toNs) {}

  private final HistoryConnection connection;
  private final CoverageGaps gaps;
  private final Map<String, OpenInterval> openIntervals = new HashMap<>();
  private @Nullable Connection cachedFor;

  CoverageWrites(HistoryConnection connection, CoverageGaps gaps) {
    this.connection = connection;
    this.gaps = gaps;
  }

  void recordPoll(String device, Instant at, boolean success) {
    long atNs = EpochNanos.of(at);
    long maxGapNs = gaps.forDevice(device).toNanos();
    connection.update(
        "record a poll",
        c -> {
          if (c != cachedFor) {
            openIntervals.clear();
            cachedFor = c;
          }
          OpenInterval open = openIntervals.get(device);
          if (open == null) {
            open = lastInterval(c, device);
          }
          if (open != null && atNs >= open.fromNs() && atNs - open.toNs() <= maxGapNs) {
            extend(c, device, open, atNs, success);
          } else {
            start(c, device, atNs, success);
          }
        });
  }

  private void extend(Connection c, String device, OpenInterval open, long atNs, boolean success)
      throws SQLException {
    long toNs = Math.max(open.toNs(), atNs);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE coverage SET to_ns = ?, polls = polls + 1,"
                + " failed_polls = failed_polls + ? WHERE id = ?")) {
      s.setLong(1, toNs);
      s.setLong(2, success ? 0 : 1);
      s.setLong(3, open.id());
      s.executeUpdate();
    }
    openIntervals.put(device, new OpenInterval(open.id(), open.fromNs(), toNs));
  }

  private void start(Connection c, String device, long atNs, boolean success) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO coverage (device, from_ns, to_ns, polls, failed_polls)"
                + " VALUES (?, ?, ?, 1, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, device);
      s.setLong(2, atNs);
      s.setLong(3, atNs);
      s.setLong(4, success ? 0 : 1);
      s.executeUpdate();
      openIntervals.put(device, new OpenInterval(HistoryConnection.generatedId(s), atNs, atNs));
    }
  }

  private static @Nullable OpenInterval lastInterval(Connection c, String device)
      throws SQLException {
    return HistoryConnection.firstRow(
        c,
        "SELECT id, from_ns, to_ns FROM coverage WHERE device = ?"
            + " ORDER BY to_ns DESC, id DESC LIMIT 1",
        device,
        rs -> new OpenInterval(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
  }
}
