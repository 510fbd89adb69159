package io.tunnelwatch.snmp;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one table walk.
 *
 * @param maxRepetitions GETBULK max-repetitions: rows asked for per request (1..100)
 * @param maxRows varbinds a walk may return before it fails with {@code TOO_MANY_ROWS}
 * @param maxDuration wall time a walk may take before it fails with {@code WALK_TIMEOUT}; checked
 *     between requests, so a walk ends at the latest one worst-case request after it
 */
public record WalkLimits(int maxRepetitions, int maxRows, Duration maxDuration) {

  /** 25 per request, 200 000 varbinds (a 9 000-SA hub's tunnel table columns), 60 s. */
  public static final WalkLimits DEFAULT = new WalkLimits(25, 200_000, Duration.ofSeconds(60));

  public WalkLimits {
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxRepetitions < 1 || maxRepetitions > 100) {
      throw new IllegalArgumentException(
          "expected GETBULK max-repetitions in 1..100, got " + maxRepetitions);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("expected a positive row limit, got " + maxRows);
    }
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("expected a positive walk duration, got " + maxDuration);
    }
  }
}
