package io.tunnelwatch.agent.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are stored as microseconds since the epoch: the precision of the JDK's system clock. */
final class Micros {

  private Micros() {}

  static long of(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant toInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  static long hourOf(Instant instant) {
    return of(instant.truncatedTo(ChronoUnit.HOURS));
  }
}
