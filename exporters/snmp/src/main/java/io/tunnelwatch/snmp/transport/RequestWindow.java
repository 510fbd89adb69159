package io.tunnelwatch.snmp.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code capacity} requests in flight on the client's socket; the others wait in arrival
 * order and are sent as answers (or timeouts) free their place. Nothing blocks: a request that
 * finds the window full is queued and its caller returns at once.
 *
 * <p>Why a window at all: without one, the start of a round would put a request to every device on
 * the wire at once, and a fleet's worth of answers would overflow the socket's receive buffer.
 */
final class RequestWindow {

  private final int capacity;
  private final Queue<BooleanSupplier> waiting = new ArrayDeque<>();
  private int inFlight;
  private int peakInFlight;

  RequestWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("expected at least 1 request in flight, got " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Runs {@code send} now if the window has room, else when a place frees.
   *
   * @param send puts one request on the wire; true when it is in flight (its end will be {@link
   *     #release released}), false when it ended at once (e.g. the socket is closed)
   */
  void submit(BooleanSupplier send) {
    synchronized (this) {
      if (inFlight >= capacity) {
        waiting.add(send);
        return;
      }
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
    }
    sendOrPassOn(send);
  }

  /** A request ended: its place goes to the longest waiting one, if any. */
  void release() {
    sendOrPassOn(next());
  }

  /**
   * Sends, and while a send ends at once passes its place on: a loop rather than recursion, so that
   * a closed socket failing thousands of queued requests does not exhaust the stack.
   */
  private void sendOrPassOn(@Nullable BooleanSupplier send) {
    BooleanSupplier current = send;
    while (current != null && !current.getAsBoolean()) {
      current = next();
    }
  }

  /** The request that takes a freed place, or null when none waits (the place is then free). */
  private synchronized @Nullable BooleanSupplier next() {
    BooleanSupplier next = waiting.poll();
    if (next == null) {
      inFlight--;
    }
    return next;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** The most requests ever in flight at once. */
  synchronized int peakInFlight() {
    return peakInFlight;
  }
}
