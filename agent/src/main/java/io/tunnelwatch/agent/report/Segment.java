package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectState;
import java.time.Duration;
import java.time.Instant;

/** A stretch [from, to) of one state on a report timeline. */
public record Segment(Instant from, Instant to, ObjectState state) {

  public long millis() {
    return Duration.between(from, to).toMillis();
  }
}
