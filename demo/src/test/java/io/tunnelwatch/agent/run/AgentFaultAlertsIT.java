package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.sim.TunnelLink;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.time.LeapingClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lab fault, end to end: injected into the simulated R1 over the lab's control hooks, seen by
 * the agent polling over SSH every second, sent to a real Alertmanager (Debian's), with the device
 * and peer or tunnel labels and a description naming the likely cause; healed, the alert resolves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentFaultAlertsIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "fault-alerts-pass-4b7e";
  private static final String PEER = "200.0.0.1";
  private static final Duration WAIT = Duration.ofSeconds(60);

  // Simulated time runs with real time and leaps where the test would only wait for it.
  private final LeapingClock labClock = new LeapingClock();
  private Alertmanager alertmanager;
  private RunningLab lab;
  private Agent agent;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    alertmanager = Alertmanager.start(dir.resolve("alertmanager"));
    lab =
        ReferenceLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).clock(labClock).build());
    // Both faces, as in the demo: a reboot is only visible in SNMP's sysUpTime.
    AgentConfig demo = LabAgentConfigs.bothFaces(lab, USER, PASSWORD, Duration.ofSeconds(1), dir);
    AgentConfig config = LabAgentConfigs.fastAlertingTo(demo, alertmanager.url().toString());
    agent = Agent.start(config, Clock.systemUTC(), name -> null, List.of());
    await().atMost(WAIT).until(() -> agent.states().allPolledOnce());
  }

  @AfterAll
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

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            Fault.PSK_MISMATCH, "TunnelwatchPhase1Failure", "peer", PEER, "pre-shared key"),
        Arguments.of(
            Fault.ISAKMP_POLICY_MISMATCH, "TunnelwatchPhase1Failure", "peer", PEER, "ISAKMP"),
        Arguments.of(Fault.ACL_MISMATCH, "TunnelwatchPhase2Failure", "peer", PEER, "ACL"),
        Arguments.of(
            Fault.TRANSFORM_SET_MISMATCH, "TunnelwatchPhase2Failure", "peer", PEER, "transform"),
        Arguments.of(
            Fault.STALL, "TunnelwatchCountersStalled", "peer", PEER, "neither encrypt nor decrypt"),
        // R1 keeps encrypting; what stops is R2's decrypt, so R2 is where the flow is one-way.
        Arguments.of(
            Fault.ONE_WAY, "TunnelwatchOneWayTraffic", "peer", "100.0.0.1", "decrypts nothing"),
        Arguments.of(Fault.TUNNEL_DOWN, "TunnelwatchTunnelDown", "tunnel", "Tunnel10", "down"),
        Arguments.of(Fault.REKEY_STORM, "TunnelwatchRenegotiationStorm", "peer", PEER, "rekey"),
        Arguments.of(Fault.HIGH_CPU, "TunnelwatchHighCpu", "device", "R1", "CPU"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("faults")
  void aFaultRaisesItsAlertWithLabelsAndCauseAndHealingResolvesIt(
      Fault fault, String alertname, String label, String value, String cause) {
    lab.router("R1").injectFault(fault);
    try {
      skipTheWaitFor(fault);
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                driveTimeFor(fault);
                JsonNode alert =
                    alertmanager
                        .activeAlert(alertname, label, value)
                        .orElseThrow(
                            () -> new AssertionError("no active " + alertname + " " + value));
                assertThat(alert.path("labels").path("device").asText())
                    .isEqualTo(value.equals("100.0.0.1") ? "R2" : "R1");
                assertThat(alert.path("annotations").path("description").asText())
                    .containsIgnoringCase(cause);
              });
    } finally {
      lab.router("R1").healFault(fault);
    }
    skipTheWaitFor(fault);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(alertmanager.activeAlert(alertname, label, value)).isEmpty());
  }

  /**
   * The one-minute CPU average needs a minute of simulated time to climb past the threshold after
   * the CPU is pinned, and a minute to fall back after it is freed: leap over it.
   */
  private void skipTheWaitFor(Fault fault) {
    if (fault == Fault.HIGH_CPU) {
      labClock.leap(Duration.ofMinutes(1));
    }
  }

  /**
   * A storm rekeys every {@link TunnelLink#STORM_INTERVAL} of simulated time: one interval per
   * look, so that each of the agent's polls (every second) sees another rekey.
   */
  private void driveTimeFor(Fault fault) {
    if (fault == Fault.REKEY_STORM) {
      labClock.leap(TunnelLink.STORM_INTERVAL);
    }
  }

  @Test
  void aRebootIsCountedAndThePeerSeesItsTunnelGoDownAndComeBack() {
    double before = metrics().value("tunnelwatch_device_reboots_total{device=\"R1\"}");

    lab.router("R1").injectFault(Fault.REBOOT);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(metrics().value("tunnelwatch_device_reboots_total{device=\"R1\"}"))
                    .isEqualTo(before + 1));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(alertmanager.activeAlert("TunnelwatchTunnelDown", "tunnel", "Tunnel12"))
                    .hasValueSatisfying(
                        a -> assertThat(a.path("labels").path("device").asText()).isEqualTo("R2")));
    // The lab brings the SAs back after its outage: leap over it rather than wait it out.
    labClock.leap(TunnelLink.REBOOT_OUTAGE);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(alertmanager.activeAlert("TunnelwatchTunnelDown", "tunnel", "Tunnel12"))
                    .isEmpty());
  }

  @Test
  void aPlainRekeyRaisesNoAlertButIsCounted() {
    String series =
        "tunnelwatch_ipsec_rekeys_total{device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\","
            + "peer=\"200.0.0.1\"}";
    double before = metrics().value(series);
    int alertsBefore = alertmanager.activeAlerts().size();

    lab.router("R1").injectFault(Fault.REKEY);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(metrics().value(series)).isEqualTo(before + 1));
    assertThat(alertmanager.activeAlerts()).hasSize(alertsBefore);
  }

  private MetricsEndpoint metrics() {
    return MetricsEndpoint.at(agent.httpAddress());
  }
}
