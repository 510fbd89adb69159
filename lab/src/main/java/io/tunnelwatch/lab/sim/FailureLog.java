package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.events.FailureReason;
import io.tunnelwatch.lab.events.FailureRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} failures of one phase on one router, numbered from 1 since boot, as
 * {@code cikeFailTable} / {@code cipSecFailTable} keep them. Not thread-safe: guarded by its link.
 */
final class FailureLog {
  static final int CAPACITY = 100;

  private final Deque<FailureRecord> records = new ArrayDeque<>();
  private long lastIndex;

  FailureRecord add(
      FailureReason reason, Instant at, Duration uptime, String local, String remote) {
    FailureRecord record = new FailureRecord(++lastIndex, reason, at, uptime, local, remote);
    records.addLast(record);
    if (records.size() > CAPACITY) {
      records.removeFirst();
    }
    return record;
  }

  List<FailureRecord> recent() {
    return List.copyOf(records);
  }

  void clear() {
    records.clear();
    lastIndex = 0;
  }
}
