package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.MetricContract;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.net.FreePorts;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher against the real Alertmanager 0.25 of Debian's prometheus-alertmanager. */
class AlertmanagerIT {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400));

  @TempDir Path dir;
  private final AgentMetrics metrics = AgentMetrics.unregistered();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private AlertDispatcher dispatcher(RunningAlertmanagerUrl url, Duration resend) {
    AlertDispatcher d =
        new AlertDispatcher(
            List.of(url.uri()),
            resend,
            new AlertLinks("https://docs.example.net/runbook.md", "http://monitor1:9417/"),
            FAST_RETRY,
            HttpClient.newHttpClient(),
            metrics,
            OutboxJournal.none());
    toClose.add(d);
    return d;
  }

  private record RunningAlertmanagerUrl(java.net.URI uri) {}

  static Event phase1(EventStatus status, Instant at, String summary) {
    return new Event(
        at,
        ObjectRef.peer("R1", "200.0.0.1"),
        EventKind.PHASE1_FAILURE,
        status,
        Severity.CRITICAL,
        summary,
        List.of(new Evidence("isakmp_state", "QM_IDLE", "MM_NO_STATE")));
  }

  static Event tunnelDown(EventStatus status, Instant at) {
    return new Event(
        at,
        ObjectRef.tunnel("R2", "Tunnel12"),
        EventKind.TUNNEL_DOWN,
        status,
        Severity.CRITICAL,
        "Tunnel12 line protocol down: ping the tunnel destination 100.0.0.1 from R2",
        List.of(new Evidence("line_protocol", "up", "down")));
  }

  private static JsonNode alertsIn(Alertmanager am) {
    return am.alerts();
  }

  private static JsonNode find(JsonNode alerts, String alertname) {
    for (JsonNode alert : alerts) {
      if (alert.path("labels").path("alertname").asText().equals(alertname)) {
        return alert;
      }
    }
    return null;
  }

  @Test
  void aRefusedAlertIsDeliveredCorrectedAndOneThatCannotBeCorrectedIsDroppedAndCounted()
      throws Exception {
    Alertmanager am = Alertmanager.start(dir.resolve("am"));
    toClose.add(am);
    AlertmanagerClient client =
        new AlertmanagerClient(am.url(), HttpClient.newHttpClient(), Duration.ofSeconds(5));
    FifoOutbox<Alert> outbox = new FifoOutbox<>(10);
    Instant now = Instant.now();
    Alert valid =
        new Alert(
            "valid",
            Map.of("alertname", "Valid", "device", "R1"),
            Map.of(),
            "http://a/",
            now,
            Optional.empty());
    // Alertmanager refuses a label name with a hyphen, and the whole batch with it.
    Alert badName =
        new Alert(
            "bad-name",
            Map.of("alertname", "BadName", "tunnel-name", "Tunnel10"),
            Map.of("summary", "bell\u0007 in it"),
            "http://a/",
            now,
            Optional.empty());
    // No labels at all: nothing to correct.
    Alert noLabels = new Alert("none", Map.of(), Map.of(), "http://a/", now, Optional.empty());
    outbox.add(valid);
    outbox.add(badName);
    outbox.add(noLabels);
    try (DeliveryWorker<Alert> worker =
        new DeliveryWorker<>(
            "alertmanager",
            "am",
            outbox,
            client::post,
            new AlertCorrection(),
            10,
            FAST_RETRY,
            metrics)) {
      worker.wake();
      await().atMost(Duration.ofSeconds(15)).until(() -> outbox.size() == 0);
    }

    JsonNode alerts = alertsIn(am);
    assertThat(find(alerts, "Valid")).isNotNull();
    JsonNode corrected = find(alerts, "BadName");
    assertThat(corrected).isNotNull();
    assertThat(corrected.path("labels").path("tunnel_name").asText()).isEqualTo("Tunnel10");
    assertThat(corrected.path("annotations").path("summary").asText()).isEqualTo("bell  in it");
    assertThat(alerts).hasSize(2);
    assertThat(metrics.sum(MetricContract.NOTIFICATIONS_DROPPED)).isEqualTo(1.0);
  }

  @Test
  void anOpenedAlertAppearsWithItsLabelsAndResolvingMakesItInactive() throws Exception {
    Alertmanager am = Alertmanager.start(dir.resolve("am"));
    toClose.add(am);
    AlertDispatcher dispatcher =
        dispatcher(new RunningAlertmanagerUrl(am.url()), Duration.ofMinutes(1));
    String summary =
        "IKE phase 1 to 200.0.0.1 stuck in MM_NO_STATE: check the pre-shared key and ISAKMP policy";

    dispatcher.onEvent(phase1(EventStatus.OPENED, Instant.now(), summary));

    JsonNode alert =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> find(alertsIn(am), "TunnelwatchPhase1Failure"), a -> a != null);
    assertThat(alert.path("status").path("state").asText()).isEqualTo("active");
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
    assertThat(alert.path("labels").path("device").asText()).isEqualTo("R1");
    assertThat(alert.path("labels").path("peer").asText()).isEqualTo("200.0.0.1");
    assertThat(alert.path("labels").has("tunnel")).isFalse();
    assertThat(alert.path("annotations").path("summary").asText())
        .isEqualTo("R1: IKE phase 1 with 200.0.0.1 is failing");
    assertThat(alert.path("annotations").path("description").asText()).startsWith(summary + ".");
    assertThat(alert.path("annotations").path("evidence").asText())
        .isEqualTo("isakmp_state: QM_IDLE -> MM_NO_STATE");

    dispatcher.onEvent(phase1(EventStatus.RESOLVED, Instant.now(), "phase 1 up again"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> find(alertsIn(am), "TunnelwatchPhase1Failure") == null);
    assertThat(am.received("resolved")).isEqualTo(1.0);
    assertThat(dispatcher.firing()).isEmpty();
  }

  @Test
  void alertsRaisedWhileAlertmanagerIsDownAreDeliveredOnceWhenItComesUp() throws Exception {
    int port = FreePorts.tcp();
    AlertDispatcher dispatcher =
        dispatcher(
            new RunningAlertmanagerUrl(java.net.URI.create("http://127.0.0.1:" + port)),
            Duration.ofHours(1));
    Instant t = Instant.now();
    // Phase 1 opens, resolves and opens again; the tunnel goes down: two conditions, latest wins.
    dispatcher.onEvent(phase1(EventStatus.OPENED, t.minusSeconds(30), "first failure"));
    dispatcher.onEvent(phase1(EventStatus.RESOLVED, t.minusSeconds(20), "up again"));
    dispatcher.onEvent(phase1(EventStatus.OPENED, t.minusSeconds(10), "second failure"));
    dispatcher.onEvent(tunnelDown(EventStatus.OPENED, t.minusSeconds(5)));
    // Occurrences are not alerts.
    dispatcher.onEvent(
        new Event(
            t,
            ObjectRef.device("R1"),
            EventKind.DEVICE_REBOOT,
            EventStatus.OCCURRED,
            Severity.WARNING,
            "R1 rebooted",
            List.of()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> metrics.sum(MetricContract.NOTIFICATIONS_FAILED) >= 3);
    assertThat(metrics.sum(MetricContract.NOTIFICATIONS_QUEUED)).isEqualTo(2.0);

    Alertmanager am = Alertmanager.startOnPort(dir.resolve("am"), port);
    toClose.add(am);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> metrics.sum(MetricContract.NOTIFICATIONS_SENT) >= 2);
    JsonNode alerts = alertsIn(am);
    assertThat(alerts).hasSize(2);
    assertThat(
            find(alerts, "TunnelwatchPhase1Failure")
                .path("annotations")
                .path("description")
                .asText())
        .startsWith("Second failure.");
    assertThat(find(alerts, "TunnelwatchTunnelDown").path("labels").path("tunnel").asText())
        .isEqualTo("Tunnel12");
    assertThat(am.received("firing")).isEqualTo(2.0);
    assertThat(am.received("resolved")).isEqualTo(0.0);
    assertThat(metrics.sum(MetricContract.NOTIFICATIONS_SENT)).isEqualTo(2.0);
    assertThat(metrics.sum(MetricContract.NOTIFICATIONS_QUEUED)).isZero();
  }

  @Test
  void firingAlertsAreSentAgainEveryResendInterval() throws Exception {
    Alertmanager am = Alertmanager.start(dir.resolve("am"));
    toClose.add(am);
    AlertDispatcher dispatcher =
        dispatcher(new RunningAlertmanagerUrl(am.url()), Duration.ofMillis(300));

    dispatcher.onEvent(tunnelDown(EventStatus.OPENED, Instant.now()));

    await().atMost(Duration.ofSeconds(15)).until(() -> am.received("firing") >= 3.0);
    dispatcher.onEvent(tunnelDown(EventStatus.RESOLVED, Instant.now()));
    await().atMost(Duration.ofSeconds(15)).until(() -> am.received("resolved") >= 1.0);
    double firingAfterResolve = am.received("firing");
    // Resolved conditions are no longer resent: wait for two more resend periods' worth of sends
    // of something else to be sure the resender ran.
    dispatcher.onEvent(phase1(EventStatus.OPENED, Instant.now(), "other"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> am.received("firing") >= firingAfterResolve + 3);
    assertThat(find(alertsIn(am), "TunnelwatchTunnelDown")).isNull();
  }
}
