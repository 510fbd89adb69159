package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Packets sent in one direction, as a piecewise-linear function of time.
 *
 * <p>The count is derived from elapsed time rather than incremented by a timer, so it is exact for
 * any clock position and needs no background thread. A rate change "folds" the count reached so far
 * into a base and starts a new segment, which keeps the function monotonic.
 *
 * <p>Not thread-safe: owned and guarded by its {@link TunnelLink}.
 */
final class DirectionCounter {
  private long base;
  private Instant segmentStart;
  private double rate;
  private Instant lastPacket;

  DirectionCounter(Instant start, double rate) {
    this.segmentStart = start;
    this.rate = rate;
  }

  long count(Instant at) {
    return base + inSegment(at);
  }

  /** When the last packet counted by {@link #count} was sent; null if none ever was. */
  Instant lastPacket(Instant at) {
    long inSegment = inSegment(at);
    if (inSegment > 0) {
      long millis = (long) Math.ceil(inSegment * 1000.0 / rate);
      return segmentStart.plusMillis(millis);
    }
    return lastPacket;
  }

  double rate() {
    return rate;
  }

  void setRate(Instant at, double newRate) {
    lastPacket = lastPacket(at);
    base = count(at);
    segmentStart = at;
    rate = newRate;
  }

  private long inSegment(Instant at) {
    if (rate <= 0 || !at.isAfter(segmentStart)) {
      return 0;
    }
    long millis = Duration.between(segmentStart, at).toMillis();
    return (long) Math.floor(millis * rate / 1000.0);
  }
}
