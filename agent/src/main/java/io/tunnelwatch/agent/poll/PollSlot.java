package io.tunnelwatch.agent.poll;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Whether a device's poll is running and which regular poll waits for it. A regular poll that comes
 * due while another poll of the device runs waits for it, as a poll waits for a free worker, rather
 * than being dropped; only when a second one comes due meanwhile (a whole interval behind) is the
 * older one skipped.
 */
final class PollSlot {
  private @Nullable CompletableFuture<Void> running;
  private @Nullable Instant waiting;
  private boolean retired;

  /** What became of a poll that came due. */
  record Admission(boolean startNow, Optional<Instant> skipped) {}

  /**
   * Marks the poll due at {@code due} as running if none is; else a regular one waits (putting
   * aside, and naming as skipped, one that was already waiting) and any other is dropped: an
   * initial or confirmation poll overlapping a running one adds nothing.
   */
  synchronized Admission begin(Instant due, boolean regular) {
    if (retired) {
      return new Admission(false, Optional.empty());
    }
    if (running == null) {
      running = new CompletableFuture<>();
      return new Admission(true, Optional.empty());
    }
    if (!regular) {
      return new Admission(false, Optional.empty());
    }
    Optional<Instant> skipped = Optional.ofNullable(waiting);
    waiting = due;
    return new Admission(false, skipped);
  }

  /**
   * The running poll has ended; returns the due time of the regular poll that waited, now marked
   * running, if one did.
   */
  synchronized Optional<Instant> end() {
    CompletableFuture<Void> ended = running;
    running = null;
    if (ended != null) {
      ended.complete(null);
    }
    Instant next = waiting;
    waiting = null;
    if (next == null || retired) {
      return Optional.empty();
    }
    running = new CompletableFuture<>();
    return Optional.of(next);
  }

  /**
   * No poll starts any more (the device was removed); returns the completion of the one running, if
   * any.
   */
  synchronized CompletableFuture<Void> retire() {
    retired = true;
    waiting = null;
    return completion();
  }

  synchronized boolean retired() {
    return retired;
  }

  /** Nothing will run any more (shutting down). */
  synchronized void abandon() {
    waiting = null;
    if (running != null) {
      running.complete(null);
      running = null;
    }
  }

  synchronized CompletableFuture<Void> completion() {
    return running == null ? CompletableFuture.completedFuture(null) : running;
  }
}
