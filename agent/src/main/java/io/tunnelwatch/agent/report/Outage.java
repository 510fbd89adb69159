package io.tunnelwatch.agent.report;

import java.time.Duration;
import java.time.Instant;

/**
 * A maximal stretch of known down state inside the period. A stretch interrupted by unknown time
 * counts as two outages: nobody knows what happened in between.
 *
 * @param from start, clipped to the period start
 * @param to end, clipped to the period end
 * @param startedBefore the object was already down when the period began (not a new failure)
 * @param ongoing the object was still down when the period ended
 */
public record Outage(Instant from, Instant to, boolean startedBefore, boolean ongoing) {

  public long millis() {
    return Duration.between(from, to).toMillis();
  }
}
