package io.tunnelwatch.agent.alerting;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Pure mapping from condition events to alerts. */
final class AlertFactory {

  private AlertFactory() {}

  /** {@code phase1_failure} → {@code TunnelwatchPhase1Failure}. */
  static String alertName(EventKind kind) {
    StringBuilder name = new StringBuilder("Tunnelwatch");
    for (String part : kind.wireName().split("_")) {
      name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return name.toString();
  }

  /** The firing alert for a condition's OPENED event. */
  static Alert opened(Event event) {
    if (event.status() != EventStatus.OPENED) {
      throw new IllegalArgumentException("expected an OPENED event, got " + event.status());
    }
    return new Alert(
        event.conditionKey(), labels(event), annotations(event), event.at(), Optional.empty());
  }

  /**
   * The resolved alert: the same labels and the opening's annotations (what the notification of the
   * resolution should recall), ending when the condition cleared.
   *
   * @param opened the alert the condition opened, if this agent saw it open
   */
  static Alert resolved(Event event, Optional<Alert> opened) {
    if (event.status() != EventStatus.RESOLVED) {
      throw new IllegalArgumentException("expected a RESOLVED event, got " + event.status());
    }
    Map<String, String> annotations =
        new HashMap<>(opened.map(Alert::annotations).orElseGet(() -> annotations(event)));
    annotations.put("resolution", event.summary());
    Instant startsAt = opened.map(Alert::startsAt).orElse(event.at());
    return new Alert(
        event.conditionKey(), labels(event), annotations, startsAt, Optional.of(event.at()));
  }

  private static Map<String, String> labels(Event event) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", alertName(event.kind()));
    labels.put("severity", event.severity().label());
    labels.put("device", event.device());
    event.subject().tunnel().ifPresent(t -> labels.put("tunnel", t));
    event.subject().peer().ifPresent(p -> labels.put("peer", p));
    event.subject().flow().ifPresent(f -> labels.put("flow", f));
    return labels;
  }

  private static Map<String, String> annotations(Event event) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", event.summary());
    annotations.put(
        "description",
        event.kind().wireName()
            + " on "
            + event.subject().key()
            + " since "
            + event.at()
            + " ("
            + event.severity().label()
            + ")");
    annotations.put(
        "evidence",
        event.evidence().isEmpty()
            ? "none recorded"
            : event.evidence().stream().map(Evidence::toString).collect(Collectors.joining("; ")));
    return annotations;
  }
}
