package io.tunnelwatch.agent.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition that holds at this step, with what an OPENED event would say about it.
 *
 * @param tunnelPeer see {@link Event#tunnelPeer()}
 */
record Finding(
    EventKind kind,
    ObjectRef subject,
    String summary,
    List<Evidence> evidence,
    Optional<String> tunnelPeer) {

  Finding {
    if (!kind.isCondition()) {
      throw new IllegalArgumentException(kind.wireName() + " is not a condition");
    }
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(tunnelPeer, "tunnelPeer");
  }

  Finding(EventKind kind, ObjectRef subject, String summary, List<Evidence> evidence) {
    this(kind, subject, summary, evidence, Optional.empty());
  }

  String key() {
    return Conditions.key(kind, subject);
  }
}
