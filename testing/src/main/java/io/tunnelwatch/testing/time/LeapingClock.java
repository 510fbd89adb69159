package io.tunnelwatch.testing.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus a lead that a test can only grow: simulated time keeps running with real
 * time, and jumps ahead where a test would otherwise sit and wait (a CPU average climbing, a reboot
 * outage ending). Unlike a clock that moves only when told, it keeps traffic counters moving
 * between polls, so an agent watching the lab in real time never mistakes a frozen clock for a
 * stalled tunnel. Thread-safe.
 */
public final class LeapingClock extends Clock {

  private final Clock base;
  private final AtomicLong leadNanos;

  public LeapingClock() {
    this(Clock.systemUTC(), new AtomicLong());
  }

  private LeapingClock(Clock base, AtomicLong leadNanos) {
    this.base = base;
    this.leadNanos = leadNanos;
  }

  /** Moves time forward by {@code amount} at once; it then runs on at the real rate. */
  public void leap(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("time only leaps forward: " + amount);
    }
    leadNanos.addAndGet(amount.toNanos());
  }

  /** How far ahead of the system clock this clock is. */
  public Duration lead() {
    return Duration.ofNanos(leadNanos.get());
  }

  @Override
  public Instant instant() {
    return base.instant().plusNanos(leadNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /** A view in another zone that still leaps with this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new LeapingClock(base.withZone(zone), leadNanos);
  }
}
