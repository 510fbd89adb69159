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
  private static final AlertLinks LINKS =
      new AlertLinks("https://runbooks.example.net/tunnelwatch.md", "http://monitor1:9417");
  private final AlertFactory factory = new AlertFactory(LINKS);

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
  void anOpenedConditionFiresWithIdentityLabelsAShortSummaryAndSentences() {
    Alert alert =
        factory.opened(
            stalled(
                EventStatus.OPENED,
                OPENED_AT,
                "R1: flow stalled; likely SAs out of sync; check `show crypto ipsec sa`"));

    assertThat(alert.labels())
        .isEqualTo(
            Map.of(
                "alertname", "TunnelwatchCountersStalled",
                "severity", "warning",
                "device", "R1",
                "peer", "200.0.0.1",
                "flow", FLOW));
    assertThat(alert.annotations())
        .containsEntry("summary", "R1: IPsec traffic with 200.0.0.1 has stopped, " + FLOW)
        .containsEntry("evidence", "pkts_encrypt: 1200 -> 1200; pkts_decrypt: 1190 -> 1190")
        .containsEntry(
            "description",
            "R1: flow stalled. Likely SAs out of sync. Check `show crypto ipsec sa`. Evidence:"
                + " pkts_encrypt was 1200, now 1200; pkts_decrypt was 1190, now 1190. Open since"
                + " 2026-11-28 10:00:00 UTC.")
        .containsEntry(
            "runbook_url",
            "https://runbooks.example.net/tunnelwatch.md#tunnelwatchcountersstalled");
    assertThat(alert.generatorUrl()).isEqualTo("http://monitor1:9417/#device-R1");
    assertThat(alert.startsAt()).isEqualTo(OPENED_AT);
    assertThat(alert.endsAt()).isEmpty();
    assertThat(alert.key()).isEqualTo("counters_stalled@R1/flow/200.0.0.1/" + FLOW);
  }

  @Test
  void aTunnelAlertCarriesThePeerItsDestinationNamesSoItGroupsWithThatPeer() {
    Event down =
        new Event(
            OPENED_AT,
            ObjectRef.tunnel("R1", "Tunnel10"),
            EventKind.TUNNEL_DOWN,
            EventStatus.OPENED,
            Severity.CRITICAL,
            "R1: Tunnel10 line protocol down",
            List.of(),
            Optional.of("200.0.0.1"));

    Alert alert = factory.opened(down);

    assertThat(alert.labels())
        .containsEntry("tunnel", "Tunnel10")
        .containsEntry("peer", "200.0.0.1")
        .doesNotContainKey("flow");
    assertThat(alert.annotations().get("summary")).isEqualTo("R1: Tunnel10 to 200.0.0.1 is down");
    assertThat(alert.annotations())
        .containsEntry("diagnose_url", "http://monitor1:9417/diagnose?target=R1&peer=200.0.0.1");
  }

  @Test
  void aSummaryNeverExceedsAPagerLine() {
    String longFlow = "10.".repeat(60) + "1/32->10.0.0.2/32";
    Event event =
        new Event(
            OPENED_AT,
            ObjectRef.flow(
                "a-rather-long-router-name.branch-office.example.net", "200.0.0.1", longFlow),
            EventKind.PHASE2_FAILURE,
            EventStatus.OPENED,
            Severity.CRITICAL,
            "phase 2 failing",
            List.of());

    String summary = factory.opened(event).annotations().get("summary");

    assertThat(summary).hasSizeLessThan(120).startsWith("a-rather-long-router-name").endsWith("…");
  }

  @Test
  void aResolvedConditionEndsTheOpenedAlertKeepingItsStartAndSummary() {
    Alert opened = factory.opened(stalled(EventStatus.OPENED, OPENED_AT, "stalled"));
    Instant clearedAt = OPENED_AT.plusSeconds(300);

    Alert resolved =
        factory.resolved(
            stalled(EventStatus.RESOLVED, clearedAt, "counters moving again"), Optional.of(opened));

    assertThat(resolved.labels()).isEqualTo(opened.labels());
    assertThat(resolved.startsAt()).isEqualTo(OPENED_AT);
    assertThat(resolved.endsAt()).contains(clearedAt);
    assertThat(resolved.annotations())
        .containsEntry("summary", opened.annotations().get("summary"))
        .containsEntry("description", opened.annotations().get("description"))
        .containsEntry("resolution", "counters moving again");
  }

  @Test
  void aResolutionOfAnUnseenOpeningStillResolves() {
    Instant clearedAt = OPENED_AT.plusSeconds(300);
    Alert resolved =
        factory.resolved(
            stalled(EventStatus.RESOLVED, clearedAt, "counters moving again"), Optional.empty());

    assertThat(resolved.startsAt()).isEqualTo(clearedAt);
    assertThat(resolved.endsAt()).contains(clearedAt);
  }

  @Test
  void theWrongStatusIsRefused() {
    assertThatThrownBy(() -> factory.opened(stalled(EventStatus.RESOLVED, OPENED_AT, "cleared")))
        .hasMessageContaining("expected an OPENED event");
  }

  @Test
  void activeAlertsAreSentWithoutEndsAt() {
    Alert opened = factory.opened(stalled(EventStatus.OPENED, OPENED_AT, "stalled"));
    String json = AlertmanagerClient.toJson(List.of(opened));

    assertThat(json).contains("\"startsAt\":\"2026-11-28T10:00:00Z\"").doesNotContain("endsAt");
    assertThat(json).contains("\"alertname\":\"TunnelwatchCountersStalled\"");
    assertThat(json).contains("\"generatorURL\":\"http://monitor1:9417/#device-R1\"");
  }

  @Test
  void anAlertNeverEndsBeforeItStartsSoAlertmanagerNeverRefusesIt() {
    Instant start = Instant.parse("2026-12-02T10:00:05Z");
    Alert alert =
        new Alert(
            "k",
            java.util.Map.of("alertname", "TunnelwatchTunnelDown"),
            java.util.Map.of(),
            "http://monitor1:9417/#device-R1",
            start,
            java.util.Optional.of(start.minusSeconds(2)));

    assertThat(alert.endsAt()).hasValue(start);
    assertThat(AlertmanagerClient.toJson(List.of(alert)))
        .contains("\"startsAt\":\"2026-12-02T10:00:05Z\"")
        .contains("\"endsAt\":\"2026-12-02T10:00:05Z\"");
  }
}
