package io.tunnelwatch.ios.transport;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one CLI session open across polls and opens a new one when it drops, waiting longer after
 * each failed attempt so that an unreachable or misconfigured device is not hammered. Once closed
 * (from any thread) it stays closed: a session whose login was under way at the close is closed as
 * soon as it opens, and no command runs on it.
 */
public final class ReconnectingCliSession implements CliSession {

  /** Opens a fresh session; called on first use and after every drop. */
  @FunctionalInterface
  public interface Opener {
    CliSession open() throws CliException;
  }

  private final Opener opener;
  private final Backoff backoff;
  private final LongSupplier nanoClock;
  // Guarded by this; the login itself runs outside the lock so that close() never waits for it.
  private @Nullable CliSession current;
  private boolean closed;
  private @Nullable CliException lastFailure;
  private long nextAttemptNanos;
  private int failures;

  public ReconnectingCliSession(Opener opener, Backoff backoff, LongSupplier nanoClock) {
    this.opener = opener;
    this.backoff = backoff;
    this.nanoClock = nanoClock;
  }

  public ReconnectingCliSession(Opener opener, Backoff backoff) {
    this(opener, backoff, System::nanoTime);
  }

  @Override
  public String execute(String command, Duration timeout) throws CliException {
    CliSession session = connected();
    try {
      return session.execute(command, timeout);
    } catch (CliException e) {
      if (e.kind() == CliException.Kind.DISCONNECTED || e.kind() == CliException.Kind.TIMEOUT) {
        dropCurrent();
      }
      throw e;
    }
  }

  private CliSession connected() throws CliException {
    synchronized (this) {
      if (closed) {
        throw closedException();
      }
      if (current != null && current.isOpen()) {
        return current;
      }
      dropCurrent();
    }
    long now = nanoClock.getAsLong();
    if (lastFailure != null && now - nextAttemptNanos < 0) {
      throw new CliException(
          lastFailure.kind(),
          lastFailure.getMessage()
              + " (next attempt in "
              + Duration.ofNanos(nextAttemptNanos - now).toSeconds()
              + " s)");
    }
    try {
      CliSession opened = opener.open();
      synchronized (this) {
        if (closed) {
          opened.close();
          throw closedException();
        }
        current = opened;
      }
      lastFailure = null;
      failures = 0;
      return opened;
    } catch (CliException e) {
      lastFailure = e;
      nextAttemptNanos = now + backoff.delayAfter(++failures).toNanos();
      throw e;
    }
  }

  /** True when a session is currently open (it may still turn out to be dead on next use). */
  @Override
  public synchronized boolean isOpen() {
    return current != null && current.isOpen();
  }

  private static CliException closedException() {
    return new CliException(CliException.Kind.DISCONNECTED, "the session was closed");
  }

  private synchronized void dropCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    dropCurrent();
  }

  /**
   * Exponential back-off between reconnect attempts.
   *
   * @param initial wait after the first failure
   * @param max longest wait
   */
  public record Backoff(Duration initial, Duration max) {
    /** Wait after the given number of consecutive failures (1 = first failure). */
    public Duration delayAfter(int failures) {
      int doublings = Math.min(Math.max(failures - 1, 0), 30);
      Duration delay = initial.multipliedBy(1L << doublings);
      return delay.compareTo(max) > 0 ? max : delay;
    }
  }
}
