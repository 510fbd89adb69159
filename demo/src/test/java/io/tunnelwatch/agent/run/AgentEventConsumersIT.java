package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.alerting.AlertDispatcher;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent built from config with a history and an Alertmanager, polling the lab. */
class AgentEventConsumersIT {

  private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  @TempDir Path dir;
  private RunningLab lab;
  private Agent agent;
  private Alertmanager alertmanager;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  @Test
  void pollsAreRecordedAndEventsReachTheStoreAndAlertmanager() throws Exception {
    alertmanager = Alertmanager.start(dir.resolve("am"));
    lab = ReferenceLab.start(LabOptions.builder().credentials("tw", "lab-pass-71c2").build());
    Path state = dir.resolve("state");
    AgentConfig config =
        DemoConfig.forLab(lab, "tw", "lab-pass-71c2", "127.0.0.1:0", Duration.ofSeconds(1), dir)
            .withHistory(HistoryConfig.ofStateDir(state.toString()))
            .withAlerting(
                new AlertingConfig(List.of(alertmanager.url().toString()), List.of(), null));
    agent = Agent.start(config);
    EventHistory history = agent.history().orElseThrow();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                history.coverage(FAR_PAST, FAR_FUTURE).stream()
                        .filter(c -> c.to().isAfter(c.from()))
                        .map(CoverageInterval::device)
                        .distinct()
                        .count()
                    == 2);
    assertThat(history.cpuPeaks(FAR_PAST, FAR_FUTURE))
        .extracting(CpuPeak::device)
        .contains("R1", "R2");
    assertThat(agent.eventListeners()).hasSize(2).first().isSameAs(history);
    assertThat(agent.eventListeners().get(1)).isInstanceOf(AlertDispatcher.class);

    Event down =
        new Event(
            Instant.now(),
            ObjectRef.tunnel("R2", "Tunnel12"),
            EventKind.TUNNEL_DOWN,
            EventStatus.OPENED,
            Severity.CRITICAL,
            "Tunnel12 down: ping 100.0.0.1 from R2",
            List.of());
    agent.eventListeners().forEach(l -> l.onEvent(down));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> alertmanager.alertsJson().contains("TunnelwatchTunnelDown"));
    assertThat(MetricsEndpoint.at(agent.httpAddress()).text())
        .containsPattern(
            "(?m)^tunnelwatch_notifications_sent_total\\{.*sink=\"alertmanager\".* 1\\.0$");

    agent.close();
    agent = null;
    try (JdbcEventHistory reopened =
        JdbcEventHistory.open(state, new CoverageGaps(Duration.ofSeconds(3), Map.of()))) {
      assertThat(reopened.events(FAR_PAST, FAR_FUTURE)).containsExactly(down);
    }
  }
}
