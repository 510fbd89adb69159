package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example config's inhibit rules, in a real Alertmanager: each root cause silences the alerts
 * it explains, for its own device (and peer) only. Alerts are posted with the labels the agent and
 * the rules give them (docs/runbook.md), and read back by their identity (alertname, device, peer,
 * flow) with Alertmanager's state: {@code active} or {@code suppressed}.
 */
class AlertmanagerInhibitionIT {

  @TempDir Path dir;
  private Alertmanager alertmanager;

  @BeforeEach
  void start() throws Exception {
    alertmanager = Alertmanager.start(dir, RepoLayout.find().alertmanagerConfig());
  }

  @AfterEach
  void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  @Test
  void anUnreachableDeviceSilencesEveryOtherAlertOfThatDeviceOnly() {
    alertmanager.post(
        List.of(
            alert("TunnelwatchDeviceUnreachable", "critical", "R2", null, null),
            alert("TunnelwatchTunnelDown", "critical", "R2", "100.0.0.1", null, "Tunnel12"),
            alert("TunnelwatchPhase1Failure", "critical", "R2", "100.0.0.1", null),
            alert("TunnelwatchPhase2Failure", "critical", "R2", "100.0.0.2", "f2"),
            alert("TunnelwatchCountersStalled", "warning", "R2", "100.0.0.3", "f3"),
            alert("TunnelwatchHighCpu", "warning", "R2", null, null),
            alert("TunnelwatchDeviceDataStale", "warning", "R2", null, null),
            alert("TunnelwatchIkeSaExpiring", "warning", "R2", "100.0.0.4", null),
            // R1's alerts are not R2's consequences.
            alert("TunnelwatchTunnelDown", "critical", "R1", "200.0.0.1", null, "Tunnel10"),
            alert("TunnelwatchPhase1Failure", "critical", "R1", "200.0.0.2", null)));

    awaitStates(
        Map.of(
            "TunnelwatchDeviceUnreachable R2", "active",
            "TunnelwatchTunnelDown R2 100.0.0.1", "suppressed",
            "TunnelwatchPhase1Failure R2 100.0.0.1", "suppressed",
            "TunnelwatchPhase2Failure R2 100.0.0.2 f2", "suppressed",
            "TunnelwatchCountersStalled R2 100.0.0.3 f3", "suppressed",
            "TunnelwatchHighCpu R2", "suppressed",
            "TunnelwatchDeviceDataStale R2", "suppressed",
            "TunnelwatchIkeSaExpiring R2 100.0.0.4", "suppressed",
            "TunnelwatchTunnelDown R1 200.0.0.1", "active",
            "TunnelwatchPhase1Failure R1 200.0.0.2", "active"));
  }

  @Test
  void aTunnelDownSilencesTheIkeAndIpsecAlertsTowardsItsPeerOnly() {
    alertmanager.post(
        List.of(
            alert("TunnelwatchTunnelDown", "critical", "R1", "200.0.0.1", null, "Tunnel10"),
            alert("TunnelwatchPhase1Failure", "critical", "R1", "200.0.0.1", null),
            alert("TunnelwatchPhase2Failure", "critical", "R1", "200.0.0.1", "f1"),
            // Another peer of the same router, and the same peer address seen from R2.
            alert("TunnelwatchPhase1Failure", "critical", "R1", "10.3.3.3", null),
            alert("TunnelwatchPhase1Failure", "critical", "R2", "200.0.0.1", null)));

    awaitStates(
        Map.of(
            "TunnelwatchTunnelDown R1 200.0.0.1", "active",
            "TunnelwatchPhase1Failure R1 200.0.0.1", "suppressed",
            "TunnelwatchPhase2Failure R1 200.0.0.1 f1", "suppressed",
            "TunnelwatchPhase1Failure R1 10.3.3.3", "active",
            "TunnelwatchPhase1Failure R2 200.0.0.1", "active"));
  }

  @Test
  void aPhase1FailureSilencesThePhase2AndExpiryAlertsOfThatPeerOnly() {
    alertmanager.post(
        List.of(
            alert("TunnelwatchPhase1Failure", "critical", "R1", "200.0.0.1", null),
            alert("TunnelwatchPhase2Failure", "critical", "R1", "200.0.0.1", "f1"),
            alert("TunnelwatchIkeSaExpiring", "warning", "R1", "200.0.0.1", null),
            alert("TunnelwatchOneWayTraffic", "warning", "R1", "200.0.0.1", "f1"),
            alert("TunnelwatchPhase2Failure", "critical", "R1", "10.3.3.3", "f3"),
            // A warning of another peer with nothing critical of its own: stays.
            alert("TunnelwatchIkeSaExpiring", "warning", "R1", "10.4.4.4", null)));

    awaitStates(
        Map.of(
            "TunnelwatchPhase1Failure R1 200.0.0.1", "active",
            "TunnelwatchPhase2Failure R1 200.0.0.1 f1", "suppressed",
            "TunnelwatchIkeSaExpiring R1 200.0.0.1", "suppressed",
            "TunnelwatchOneWayTraffic R1 200.0.0.1 f1", "suppressed",
            "TunnelwatchPhase2Failure R1 10.3.3.3 f3", "active",
            "TunnelwatchIkeSaExpiring R1 10.4.4.4", "active"));
  }

  @Test
  void aPhase2FailureSilencesStalledAndExpiringSasOfThatPeer() {
    alertmanager.post(
        List.of(
            alert("TunnelwatchPhase2Failure", "critical", "R1", "200.0.0.1", "f1"),
            alert("TunnelwatchCountersStalled", "warning", "R1", "200.0.0.1", "f1b"),
            alert("TunnelwatchIpsecSaExpiring", "warning", "R1", "200.0.0.1", "f1c"),
            alert("TunnelwatchCountersStalled", "warning", "R1", "10.3.3.3", "f3")));

    awaitStates(
        Map.of(
            "TunnelwatchPhase2Failure R1 200.0.0.1 f1", "active",
            "TunnelwatchCountersStalled R1 200.0.0.1 f1b", "suppressed",
            "TunnelwatchIpsecSaExpiring R1 200.0.0.1 f1c", "suppressed",
            "TunnelwatchCountersStalled R1 10.3.3.3 f3", "active"));
  }

  @Test
  void aCriticalAlertSilencesTheWarningsOfTheSameDeviceAndPeerButNotOtherCriticals() {
    // Phase 2 failing does not explain replay drops or a renegotiation storm (not in its
    // inhibit rule), but while it pages for R1 and 200.0.0.1 their warnings would only send a
    // second message for the same device and peer.
    alertmanager.post(
        List.of(
            alert("TunnelwatchPhase2Failure", "critical", "R1", "200.0.0.1", "f1"),
            replayDrops("R1", "200.0.0.1", "f1"),
            alert("TunnelwatchRenegotiationStorm", "warning", "R1", "200.0.0.1", null),
            // Critical stays critical: the tree, not severity, decides between criticals.
            alert("TunnelwatchPhase2Failure", "critical", "R1", "200.0.0.1", "f9"),
            // Same peer address on another router, another peer on this router.
            replayDrops("R2", "200.0.0.1", "f2"),
            alert("TunnelwatchRenegotiationStorm", "warning", "R1", "10.3.3.3", null)));

    awaitStates(
        Map.of(
            "TunnelwatchPhase2Failure R1 200.0.0.1 f1", "active",
            "TunnelwatchIpsecReplayDrops R1 200.0.0.1 f1", "suppressed",
            "TunnelwatchRenegotiationStorm R1 200.0.0.1", "suppressed",
            "TunnelwatchPhase2Failure R1 200.0.0.1 f9", "active",
            "TunnelwatchIpsecReplayDrops R2 200.0.0.1 f2", "active",
            "TunnelwatchRenegotiationStorm R1 10.3.3.3", "active"));
  }

  @Test
  void anAgentWideCriticalSilencesNoOtherAgentWideAlert() {
    // Agent-wide alerts have neither device nor peer. Alertmanager takes two missing labels as
    // equal, so without device=~".+" in the source of the critical-over-warning rule, one agent
    // being down would silence the warnings of every other agent.
    alertmanager.post(
        List.of(
            agentAlert("TunnelwatchAgentDown", "critical", "10.1.1.1:9417"),
            agentAlert("TunnelwatchPollsSkipped", "warning", "10.1.1.2:9417"),
            agentAlert("TunnelwatchAlertDeliveryFailing", "critical", "10.1.1.3:9417"),
            agentAlert("TunnelwatchPollsSkipped", "warning", "10.1.1.3:9417"),
            // A device's critical still silences that device's warnings only.
            alert("TunnelwatchPhase1Failure", "critical", "R1", "200.0.0.1", null),
            alert("TunnelwatchRenegotiationStorm", "warning", "R1", "200.0.0.1", null)));

    awaitStates(
        Map.of(
            "TunnelwatchAgentDown 10.1.1.1:9417", "active",
            "TunnelwatchPollsSkipped 10.1.1.2:9417", "active",
            "TunnelwatchAlertDeliveryFailing 10.1.1.3:9417", "active",
            "TunnelwatchPollsSkipped 10.1.1.3:9417", "active",
            "TunnelwatchPhase1Failure R1 200.0.0.1", "active",
            "TunnelwatchRenegotiationStorm R1 200.0.0.1", "suppressed"));
  }

  /** An alert of the agent itself: instance, no device or peer (tunnelwatch.agent rules). */
  private static Map<String, String> agentAlert(
      String alertname, String severity, String instance) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", alertname);
    labels.put("severity", severity);
    labels.put("instance", instance);
    if (alertname.equals("TunnelwatchAlertDeliveryFailing")) {
      labels.put("destination", "http://am:9093");
    }
    return labels;
  }

  private static Map<String, String> replayDrops(String device, String peer, String flow) {
    Map<String, String> labels =
        alert("TunnelwatchIpsecReplayDrops", "warning", device, peer, flow);
    labels.put("kind", "replay");
    return labels;
  }

  private static Map<String, String> alert(
      String alertname, String severity, String device, String peer, String flow) {
    return alert(alertname, severity, device, peer, flow, null);
  }

  /** The labels of one alert; {@code null} leaves a label out, as the rules and the agent do. */
  private static Map<String, String> alert(
      String alertname, String severity, String device, String peer, String flow, String tunnel) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", alertname);
    labels.put("severity", severity);
    labels.put("device", device);
    if (tunnel != null) {
      labels.put("tunnel", tunnel);
    }
    if (peer != null) {
      labels.put("peer", peer);
    }
    if (flow != null) {
      labels.put("flow", flow);
    }
    return labels;
  }

  /** Waits until Alertmanager reports exactly these alerts in these states. */
  private void awaitStates(Map<String, String> expected) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(states()).isEqualTo(expected));
  }

  /** State by "alertname [instance] [device [peer [flow]]]". */
  private Map<String, String> states() {
    Map<String, String> out = new HashMap<>();
    for (JsonNode a : alertmanager.alerts()) {
      JsonNode labels = a.path("labels");
      List<String> id = new ArrayList<>();
      for (String name : List.of("alertname", "instance", "device", "peer", "flow")) {
        if (labels.has(name)) {
          id.add(labels.path(name).asText());
        }
      }
      out.put(String.join(" ", id), a.path("status").path("state").asText());
    }
    return out;
  }
}
