package io.tunnelwatch.agent.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One detected event (docs/events.md). The summary is one line a person on call can act on: the
 * likely cause and the next check.
 */
public record Event(
    Instant at,
    ObjectRef subject,
    EventKind kind,
    EventStatus status,
    Severity severity,
    String summary,
    List<Evidence> evidence) {

  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    if (kind.isCondition() == (status == EventStatus.OCCURRED)) {
      throw new IllegalArgumentException(kind.wireName() + " cannot have status " + status);
    }
  }

  public String device() {
    return subject.device();
  }

  /** Identifies the condition an OPENED and its RESOLVED event share, e.g. for alert grouping. */
  public String conditionKey() {
    return kind.wireName() + "@" + subject.key();
  }
}
