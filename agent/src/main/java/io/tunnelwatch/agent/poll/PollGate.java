package io.tunnelwatch.agent.poll;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Bounds how many polls are in progress at once, first come first served. An SNMP poll holds no
 * worker while it waits for answers, so without this bound every due poll would start at once: at
 * the start of a large fleet, thousands of polls each got one request in the window at a time and
 * all finished late together. With it, the polls that started finish and the rest follow in the
 * order they came due.
 *
 * <p>The queue holds at most one waiter per device: a device's next poll waits for its previous one
 * ({@link PollSlot}) before it asks here.
 */
final class PollGate {
  private final int limit;
  private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inProgress; // guarded by this
  private boolean closed; // guarded by this

  PollGate(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the poll limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Completes when the poll may start; the caller must {@link #release} once it has ended. Is
   * cancelled instead when the gate closes first.
   */
  synchronized CompletableFuture<Void> enter() {
    if (closed) {
      return CompletableFuture.failedFuture(new CancellationException());
    }
    if (inProgress < limit) {
      inProgress++;
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> turn = new CompletableFuture<>();
    waiting.add(turn);
    return turn;
  }

  /** A poll has ended: the longest waiting one, if any, takes its place. */
  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inProgress--;
        return;
      }
    }
    // Completed outside the lock: the next poll's dispatch runs in this call.
    next.complete(null);
  }

  /** Shutting down: no waiting poll will start; each waiter is cancelled. */
  void close() {
    List<CompletableFuture<Void>> cancelled;
    synchronized (this) {
      closed = true;
      cancelled = List.copyOf(waiting);
      waiting.clear();
    }
    cancelled.forEach(turn -> turn.cancel(false));
  }

  /** Polls waiting for their turn. */
  synchronized int waiting() {
    return waiting.size();
  }
}
