package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertFactoryTest {

  private static final Instant OPENED_AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final String FLOW = "10.0.0.1/32:47->10.0.0.2/32:47";

  private static Event stalled(EventStatus status, Instant at, String summary) {
    return new Event(
        at,
        ObjectRef.flow("R1", "200.0.0.1", FLOW),
        EventKind.COUNTERS_STALLED,
        status,
        Severity.WARNING,
        summary,
        List.of(
            new Evidence("pkts_encrypt", "1200", "1200"),
            new Evidence("pkts_decrypt", "1190", "1190")));
  }

  @Test
  void alertNamesAreCamelCaseKinds() {
    assertThat(AlertFactory.alertName(EventKind.PHASE1_FAILURE))
        .isEqualTo("TunnelwatchPhase1Failure");
    assertThat(AlertFactory.alertName(EventKind.ONE_WAY_TRAFFIC))
        .isEqualTo("TunnelwatchOneWayTraffic");
    assertThat(AlertFactory.alertName(EventKind.HIGH_CPU)).isEqualTo("TunnelwatchHighCpu");
  }

  @Test
  void anOpenedConditionFiresWithIdentityLabelsAndTheSummary() {
    Alert alert =
        AlertFactory.opened(
            stalled(EventStatus.OPENED, OPENED_AT, "encrypt/decrypt stalled: ping LAN to LAN"));

    assertThat(alert.labels())
        .isEqualTo(
            Map.of(
                "alertname", "TunnelwatchCountersStalled",
                "severity", "warning",
                "device", "R1",
                "peer", "200.0.0.1",
                "flow", FLOW));
    assertThat(alert.annotations())
        .containsEntry("summary", "encrypt/decrypt stalled: ping LAN to LAN")
        .containsEntry("evidence", "pkts_encrypt: 1200 -> 1200; pkts_decrypt: 1190 -> 1190")
        .hasEntrySatisfying("description", d -> assertThat(d).contains("counters_stalled"));
    assertThat(alert.startsAt()).isEqualTo(OPENED_AT);
    assertThat(alert.endsAt()).isEmpty();
    assertThat(alert.key()).isEqualTo("counters_stalled@R1/flow/200.0.0.1/" + FLOW);
  }

  @Test
  void aResolvedConditionEndsTheOpenedAlertKeepingItsStartAndSummary() {
    Alert opened = AlertFactory.opened(stalled(EventStatus.OPENED, OPENED_AT, "stalled"));
    Instant clearedAt = OPENED_AT.plusSeconds(300);

    Alert resolved =
        AlertFactory.resolved(
            stalled(EventStatus.RESOLVED, clearedAt, "counters moving again"), Optional.of(opened));

    assertThat(resolved.labels()).isEqualTo(opened.labels());
    assertThat(resolved.startsAt()).isEqualTo(OPENED_AT);
    assertThat(resolved.endsAt()).contains(clearedAt);
    assertThat(resolved.annotations())
        .containsEntry("summary", "stalled")
        .containsEntry("resolution", "counters moving again");
  }

  @Test
  void aResolutionOfAnUnseenOpeningStillResolves() {
    Instant clearedAt = OPENED_AT.plusSeconds(300);
    Alert resolved =
        AlertFactory.resolved(
            stalled(EventStatus.RESOLVED, clearedAt, "counters moving again"), Optional.empty());

    assertThat(resolved.startsAt()).isEqualTo(clearedAt);
    assertThat(resolved.endsAt()).contains(clearedAt);
  }

  @Test
  void theWrongStatusIsRefused() {
    assertThatThrownBy(
            () -> AlertFactory.opened(stalled(EventStatus.RESOLVED, OPENED_AT, "cleared")))
        .hasMessageContaining("expected an OPENED event");
  }

  @Test
  void activeAlertsAreSentWithoutEndsAt() {
    Alert opened = AlertFactory.opened(stalled(EventStatus.OPENED, OPENED_AT, "stalled"));
    String json = AlertmanagerClient.toJson(List.of(opened));

    assertThat(json).contains("\"startsAt\":\"2026-11-28T10:00:00Z\"").doesNotContain("endsAt");
    assertThat(json).contains("\"alertname\":\"TunnelwatchCountersStalled\"");
  }

  @Test
  void anAlertNeverEndsBeforeItStartsSoAlertmanagerNeverRefusesIt() {
    Instant start = Instant.parse("2026-12-02T10:00:05Z");
    Alert alert =
        new Alert(
            "k",
            java.util.Map.of("alertname", "TunnelwatchTunnelDown"),
            java.util.Map.of(),
            start,
            java.util.Optional.of(start.minusSeconds(2)));

    assertThat(alert.endsAt()).hasValue(start);
    assertThat(AlertmanagerClient.toJson(List.of(alert)))
        .contains("\"startsAt\":\"2026-12-02T10:00:05Z\"")
        .contains("\"endsAt\":\"2026-12-02T10:00:05Z\"");
  }
}
