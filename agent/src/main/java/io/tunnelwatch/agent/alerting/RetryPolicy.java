package io.tunnelwatch.agent.alerting;

import java.time.Duration;
import java.util.Objects;

/** Exponential back-off between delivery attempts: initial, doubled per failure, capped. */
public record RetryPolicy(Duration initial, Duration max) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1));

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "expected 0 < initial <= max, got " + initial + " and " + max);
    }
  }

  /** The wait after {@code failures} consecutive failed attempts (1 or more). */
  public Duration delayAfter(int failures) {
    Duration delay = initial;
    for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
