package io.tunnelwatch.agent.history;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listener writes that never throw into the poll thread: a record that fails to be written is kept
 * in memory (up to {@value #MAX_UNWRITTEN}, the oldest dropped beyond) and written, oldest first,
 * before the next one, so that a short database outage loses nothing.
 */
final class PendingWrites {

  static final int MAX_UNWRITTEN = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(PendingWrites.class);

  private final EventWrites writes;
  private final String where;
  private final Deque<PendingWrite> unwritten = new ArrayDeque<>();
  private boolean writesFailing;
  private long dropped;

  PendingWrites(EventWrites writes, String where) {
    this.writes = writes;
    this.where = where;
  }

  /** Writes every kept record and then this one, or keeps what could not be written. */
  synchronized void writeOrKeep(PendingWrite record) {
    unwritten.addLast(record);
    try {
      while (!unwritten.isEmpty()) {
        unwritten.peekFirst().writeTo(writes);
        unwritten.removeFirst();
      }
      if (writesFailing) {
        LOG.info("history store {} writable again; kept records written", where);
        writesFailing = false;
      }
    } catch (RuntimeException e) {
      if (unwritten.size() > MAX_UNWRITTEN) {
        unwritten.removeFirst();
        dropped++;
      }
      if (!writesFailing) {
        writesFailing = true;
        LOG.error(
            "cannot write to the history store, keeping records in memory until it works: {}",
            e.getMessage());
      }
    }
  }

  /** Records that failed to be written and wait for the next attempt. */
  synchronized int size() {
    return unwritten.size();
  }

  /** Says, once the store is closed, what was never written. */
  synchronized void reportLost() {
    if (!unwritten.isEmpty() || dropped > 0) {
      LOG.error(
          "history store {} closed with {} records never written ({} dropped earlier)",
          where,
          unwritten.size(),
          dropped);
    }
  }
}
