package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example config's inhibit rules, in a real Alertmanager. */
class AlertmanagerInhibitionIT {

  @TempDir Path dir;
  private Alertmanager alertmanager;

  @AfterEach
  void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  @Test
  void anUnreachableDeviceSilencesItsOwnTunnelAlertsOnly() throws Exception {
    alertmanager = Alertmanager.start(dir, RepoLayout.find().alertmanagerConfig());

    alertmanager.post(
        List.of(
            Map.of(
                "alertname", "TunnelwatchDeviceUnreachable",
                "severity", "critical",
                "device", "R2",
                "source", "ssh"),
            Map.of(
                "alertname", "TunnelwatchTunnelDown",
                "severity", "critical",
                "device", "R2",
                "tunnel", "Tunnel12"),
            Map.of(
                "alertname", "TunnelwatchIpsecCountersStalled",
                "severity", "critical",
                "device", "R2",
                "peer", "100.0.0.1",
                "flow", "f2"),
            Map.of(
                "alertname", "TunnelwatchTunnelDown",
                "severity", "critical",
                "device", "R1",
                "tunnel", "Tunnel10")));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Map<String, String> state = states();
              assertThat(state)
                  .containsEntry("TunnelwatchDeviceUnreachable/R2", "active")
                  .containsEntry("TunnelwatchTunnelDown/R2", "suppressed")
                  .containsEntry("TunnelwatchIpsecCountersStalled/R2", "suppressed")
                  .containsEntry("TunnelwatchTunnelDown/R1", "active");
            });
  }

  @Test
  void anIkeFailureSilencesThePhase2AlertsOfThatPeer() throws Exception {
    alertmanager = Alertmanager.start(dir, RepoLayout.find().alertmanagerConfig());

    alertmanager.post(
        List.of(
            Map.of(
                "alertname", "TunnelwatchIkeSaDown",
                "severity", "critical",
                "device", "R1",
                "peer", "200.0.0.1"),
            Map.of(
                "alertname", "TunnelwatchIpsecPhase2Missing",
                "severity", "critical",
                "device", "R1",
                "peer", "200.0.0.1"),
            Map.of(
                "alertname", "TunnelwatchIpsecPhase2Missing",
                "severity", "critical",
                "device", "R1",
                "peer", "10.3.3.3")));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode alerts = alertmanager.alerts();
              Map<String, String> byPeer = new HashMap<>();
              for (JsonNode a : alerts) {
                if (a.path("labels")
                    .path("alertname")
                    .asText()
                    .equals("TunnelwatchIpsecPhase2Missing")) {
                  byPeer.put(
                      a.path("labels").path("peer").asText(),
                      a.path("status").path("state").asText());
                }
              }
              assertThat(byPeer)
                  .containsEntry("200.0.0.1", "suppressed")
                  .containsEntry("10.3.3.3", "active");
            });
  }

  private Map<String, String> states() {
    Map<String, String> out = new HashMap<>();
    for (JsonNode a : alertmanager.alerts()) {
      out.put(
          a.path("labels").path("alertname").asText()
              + "/"
              + a.path("labels").path("device").asText(),
          a.path("status").path("state").asText());
    }
    return out;
  }
}
