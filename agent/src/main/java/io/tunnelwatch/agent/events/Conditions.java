package io.tunnelwatch.agent.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what holds now into OPENED and RESOLVED events against what was open before: a condition
 * opens once, stays open while it holds (or is still suspected), and resolves once.
 */
final class Conditions {

  private Conditions() {}

  static String key(EventKind kind, ObjectRef subject) {
    return kind.wireName() + "@" + subject.key();
  }

  /** The events and the open conditions after reconciling. */
  record Reconciled(List<Event> opened, List<Event> resolved, Map<String, Event> open) {}

  /**
   * @param open conditions open before, by key
   * @param holding conditions that hold now, by key
   * @param suspected keys of open conditions that may still hold but cannot be confirmed yet (not
   *     enough polls, or the poll could not judge them): they neither open nor resolve
   */
  static Reconciled reconcile(
      Map<String, Event> open, Map<String, Finding> holding, Set<String> suspected, Instant at) {
    Map<String, Event> next = new LinkedHashMap<>();
    List<Event> opened = new ArrayList<>();
    List<Event> resolved = new ArrayList<>();
    for (Map.Entry<String, Event> entry : open.entrySet()) {
      if (holding.containsKey(entry.getKey()) || suspected.contains(entry.getKey())) {
        next.put(entry.getKey(), entry.getValue());
      } else {
        resolved.add(resolution(entry.getValue(), at));
      }
    }
    for (Finding finding : holding.values()) {
      if (!next.containsKey(finding.key())) {
        Event event =
            new Event(
                at,
                finding.subject(),
                finding.kind(),
                EventStatus.OPENED,
                finding.kind().defaultSeverity(),
                finding.summary(),
                finding.evidence(),
                finding.tunnelPeer());
        opened.add(event);
        next.put(finding.key(), event);
      }
    }
    return new Reconciled(opened, resolved, next);
  }

  private static Event resolution(Event opening, Instant at) {
    Duration lasted = Duration.between(opening.at(), at);
    return new Event(
        at,
        opening.subject(),
        opening.kind(),
        EventStatus.RESOLVED,
        opening.kind().defaultSeverity(),
        Summaries.resolved(opening.kind(), opening.subject(), lasted),
        List.of(new Evidence("open for", "", Summaries.duration(lasted))),
        opening.tunnelPeer());
  }
}
