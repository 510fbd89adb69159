package io.tunnelwatch.agent.alerting;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps condition events to alerts. The label set is the contract with the Prometheus rules of
 * alerts/tunnelwatch.rules.yml, which raise the same alerts from {@code
 * tunnelwatch_condition_open}: {@code alertname}, {@code severity}, {@code device} and whichever of
 * {@code tunnel}, {@code peer}, {@code flow} the condition has; nothing else, so that Alertmanager
 * sees one alert whichever sent it.
 */
final class AlertFactory {

  private final AlertLinks links;

  AlertFactory(AlertLinks links) {
    this.links = links;
  }

  /** {@code phase1_failure} → {@code TunnelwatchPhase1Failure}. */
  static String alertName(EventKind kind) {
    StringBuilder name = new StringBuilder("Tunnelwatch");
    for (String part : kind.wireName().split("_")) {
      name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return name.toString();
  }

  /**
   * The labels an alert about this condition has. A tunnel's alert carries the peer its destination
   * names, so that it groups and inhibits with that peer's IKE and IPsec alerts.
   */
  static Map<String, String> labels(Event event) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", alertName(event.kind()));
    labels.put("severity", event.severity().label());
    labels.put("device", event.device());
    event.subject().tunnel().ifPresent(t -> labels.put("tunnel", t));
    event.peer().ifPresent(p -> labels.put("peer", p));
    event.subject().flow().ifPresent(f -> labels.put("flow", f));
    return labels;
  }

  /** The firing alert for a condition's OPENED event. */
  Alert opened(Event event) {
    if (event.status() != EventStatus.OPENED) {
      throw new IllegalArgumentException("expected an OPENED event, got " + event.status());
    }
    return new Alert(
        event.conditionKey(),
        labels(event),
        annotations(event),
        links.device(event.device()),
        event.at(),
        Optional.empty());
  }

  /**
   * The resolved alert: the labels and annotations of the opening (Alertmanager matches on labels,
   * and the notification of the resolution should recall what was wrong), ending when the condition
   * cleared.
   *
   * @param opened the alert the condition opened, if this agent saw it open
   */
  Alert resolved(Event event, Optional<Alert> opened) {
    if (event.status() != EventStatus.RESOLVED) {
      throw new IllegalArgumentException("expected a RESOLVED event, got " + event.status());
    }
    Map<String, String> annotations =
        new HashMap<>(opened.map(Alert::annotations).orElseGet(() -> annotations(event)));
    annotations.put("resolution", event.summary());
    return new Alert(
        event.conditionKey(),
        opened.map(Alert::labels).orElseGet(() -> labels(event)),
        annotations,
        links.device(event.device()),
        opened.map(Alert::startsAt).orElse(event.at()),
        Optional.of(event.at()));
  }

  private Map<String, String> annotations(Event event) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", AlertTexts.summary(event));
    annotations.put("description", AlertTexts.description(event));
    annotations.put("runbook_url", links.runbook(alertName(event.kind())));
    annotations.put("diagnose_url", links.diagnose(event.device(), event.peer()));
    annotations.put(
        "evidence",
        event.evidence().isEmpty()
            ? "none recorded"
            : event.evidence().stream().map(Evidence::toString).collect(Collectors.joining("; ")));
    return annotations;
  }
}
