package io.tunnelwatch.agent.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Times are stored as nanoseconds since the epoch in a BIGINT, so that an event's instant comes
 * back exactly as the JDK clock made it. The range ends in 2262.
 */
final class EpochNanos {

  private static final Instant MIN = Instant.EPOCH.plusNanos(Long.MIN_VALUE);
  private static final Instant MAX = Instant.EPOCH.plusNanos(Long.MAX_VALUE);

  private EpochNanos() {}

  /**
   * @throws ArithmeticException outside 1677..2262
   */
  static long of(Instant instant) {
    return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
  }

  /** For period bounds: an instant outside the range is the range's end. */
  static long bound(Instant instant) {
    if (instant.isBefore(MIN)) {
      return Long.MIN_VALUE;
    }
    if (instant.isAfter(MAX)) {
      return Long.MAX_VALUE;
    }
    return of(instant);
  }

  static Instant toInstant(long nanos) {
    return Instant.EPOCH.plusNanos(nanos);
  }

  static long hourOf(Instant instant) {
    return of(instant.truncatedTo(ChronoUnit.HOURS));
  }
}
