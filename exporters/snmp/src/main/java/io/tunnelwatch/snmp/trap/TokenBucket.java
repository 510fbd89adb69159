package io.tunnelwatch.snmp.trap;

import java.util.function.LongSupplier;

/**
 * Lets through up to {@code burst} events at once and {@code perSecond} on average: a sender that
 * floods gets the bucket's worth and then its rate, and nothing it sends costs more than that.
 */
final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  TokenBucket(TrapRateLimit limit, LongSupplier nanoTime) {
    this.perSecond = limit.perSecond();
    this.burst = limit.burst();
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** Takes one token; false when none is left (the event is over the limit). */
  synchronized boolean tryTake() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
