package io.tunnelwatch.agent.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a tracked object's state, with the device's own wording in {@code detail} (for
 * example {@code MM_NO_STATE} or {@code DOWN-NEGOTIATING}).
 */
public record StateTransition(
    Instant at, ObjectRef subject, ObjectState from, ObjectState to, String detail) {

  public StateTransition {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(detail, "detail");
  }
}
