package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.ObjectRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Records traffic per hour from byte totals, and each hour's CPU peak per device. */
final class UsageWrites {

  private record Baseline(long atNs, long transmit, long receive) {}

  private final HistoryConnection connection;

  UsageWrites(HistoryConnection connection) {
    this.connection = connection;
  }

  /**
   * Adds the traffic since the subject's previous sample to the hour of this sample. The first
   * sample of a subject only sets the baseline; a total lower than the baseline (the agent's
   * stitched totals restarted) adds nothing and becomes the new baseline. Samples not newer than
   * the baseline are ignored.
   */
  void recordUsage(UsageSample sample) {
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
    connection.updateAtomically(
        "record usage",
        c -> {
          Baseline baseline = baseline(c, key);
          if (baseline != null && atNs <= baseline.atNs()) {
            return;
          }
          if (baseline != null) {
            long tx = Math.max(0, sample.transmitBytesTotal() - baseline.transmit());
            long rx = Math.max(0, sample.receiveBytesTotal() - baseline.receive());
            addUsage(c, EpochNanos.hourOf(sample.at()), sample.subject(), tx, rx);
          }
          saveBaseline(
              c, key, new Baseline(atNs, sample.transmitBytesTotal(), sample.receiveBytesTotal()));
        });
  }

  void recordCpu(String device, Instant at, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("expected a CPU ratio between 0 and 1, got " + ratio);
    }
    connection.update(
        "record CPU",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO cpu_hourly (hour_ns, device, max_ratio) VALUES (?, ?, ?)"
                      + " ON CONFLICT (hour_ns, device) DO UPDATE SET max_ratio = CASE"
                      + " WHEN excluded.max_ratio > cpu_hourly.max_ratio THEN excluded.max_ratio"
                      + " ELSE cpu_hourly.max_ratio END")) {
            s.setLong(1, EpochNanos.hourOf(at));
            s.setString(2, device);
            s.setDouble(3, ratio);
            s.executeUpdate();
          }
        });
  }

  private static void addUsage(Connection c, long hourNs, ObjectRef subject, long tx, long rx)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
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

  private static @Nullable Baseline baseline(Connection c, String key) throws SQLException {
    return HistoryConnection.firstRow(
        c,
        "SELECT at_ns, transmit_total, receive_total FROM usage_baseline WHERE subject_key = ?",
        key,
        rs -> new Baseline(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
  }

  private static void saveBaseline(Connection c, String key, Baseline baseline)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO usage_baseline (subject_key, at_ns, transmit_total, receive_total)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (subject_key) DO UPDATE SET"
                + " at_ns = excluded.at_ns, transmit_total = excluded.transmit_total,"
                + " receive_total = excluded.receive_total")) {
      s.setString(1, key);
      s.setLong(2, baseline.atNs());
      s.setLong(3, baseline.transmit());
      s.setLong(4, baseline.receive());
      s.executeUpdate();
    }
  }
}
