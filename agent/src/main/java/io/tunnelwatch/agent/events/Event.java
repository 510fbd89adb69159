package io.tunnelwatch.agent.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One detected event (docs/events.md). The summary is one line a person on call can act on: the
 * likely cause and the next check.
 *
 * @param tunnelPeer for a tunnel subject, the IKE peer its destination address names, when known:
 *     the peer an alert about the tunnel is grouped and inhibited with
 */
public record Event(
    Instant at,
    ObjectRef subject,
    EventKind kind,
    EventStatus status,
    Severity severity,
    String summary,
    List<Evidence> evidence,
    Optional<String> tunnelPeer) {

  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(tunnelPeer, "tunnelPeer");
    if (kind.isCondition() == (status == EventStatus.OCCURRED)) {
      throw new IllegalArgumentException(kind.wireName() + " cannot have status " + status);
    }
  }

  /** An event with no {@link #tunnelPeer()}. */
  public Event(
      Instant at,
      ObjectRef subject,
      EventKind kind,
      EventStatus status,
      Severity severity,
      String summary,
      List<Evidence> evidence) {
    this(at, subject, kind, status, severity, summary, evidence, Optional.empty());
  }

  /**
   * The IKE peer this event concerns: the subject's own peer, or for a tunnel the peer its GRE
   * destination names (in IPsec over GRE, the tunnel destination is the IKE peer).
   */
  public Optional<String> peer() {
    return subject.peer().or(() -> tunnelPeer);
  }

  public String device() {
    return subject.device();
  }

  /** Identifies the condition an OPENED and its RESOLVED event share, e.g. for alert grouping. */
  public String conditionKey() {
    return kind.wireName() + "@" + subject.key();
  }
}
