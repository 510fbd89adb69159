package io.tunnelwatch.agent.events;

import java.util.List;

/** A condition that holds at this step, with what an OPENED event would say about it. */
record Finding(EventKind kind, ObjectRef subject, String summary, List<Evidence> evidence) {

  Finding {
    if (!kind.isCondition()) {
      throw new IllegalArgumentException(kind.wireName() + " is not a condition");
    }
    evidence = List.copyOf(evidence);
  }

  String key() {
    return Conditions.key(kind, subject);
  }
}
