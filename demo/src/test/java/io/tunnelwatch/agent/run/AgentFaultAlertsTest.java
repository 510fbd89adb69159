package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.agent.alerting.RunningAlertmanagerForTests;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.EventsConfig;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * and peer or tunnel labels and a summary naming the likely cause; healed, the alert resolves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentFaultAlertsTest {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "fault-alerts-pass-4b7e";
  private static final String PEER = "200.0.0.1";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningAlertmanagerForTests alertmanager;
  private RunningLab lab;
  private Agent agent;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    alertmanager = RunningAlertmanagerForTests.start(dir.resolve("alertmanager"));
    lab = ReferenceLab.start(LabOptions.defaults().withCredentials(USER, PASSWORD));
    // Both faces, as in the demo: a reboot is only visible in SNMP's sysUpTime.
    AgentConfig demo =
        DemoConfig.forLabWithSnmp(
            lab,
            USER,
            PASSWORD,
            "public",
            "127.0.0.1:0",
            "127.0.0.1:0",
            Duration.ofSeconds(1),
            dir);
    // Windows short enough for a test, in the same proportions as the defaults.
    EventsConfig fast =
        EventsConfig.builder()
            .unreachableAfterPolls(2)
            .negotiationFailurePolls(2)
            .trafficWindow(Duration.ofSeconds(4))
            .stormWindow(Duration.ofSeconds(30))
            .stormRekeys(2)
            .cpuThreshold(0.9)
            .cpuWindow(Duration.ofSeconds(3))
            .build();
    AgentConfig config =
        new AgentConfig(
            demo.http(),
            demo.auths(),
            demo.modules(),
            demo.devices(),
            fast,
            demo.history(),
            new AlertingConfig(
                List.of(alertmanager.url().toString()), null, Duration.ofSeconds(1)));
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
      Fault fault, String alertname, String label, String value, String cause) throws Exception {
    lab.router("R1").injectFault(fault);
    try {
      await()
          .atMost(Duration.ofSeconds(fault == Fault.HIGH_CPU ? 150 : 60))
          .untilAsserted(
              () -> {
                JsonNode alert =
                    activeAlert(alertname, label, value)
                        .orElseThrow(
                            () -> new AssertionError("no active " + alertname + " " + value));
                assertThat(alert.path("labels").path("device").asText())
                    .isEqualTo(value.equals("100.0.0.1") ? "R2" : "R1");
                assertThat(alert.path("annotations").path("summary").asText())
                    .containsIgnoringCase(cause);
              });
    } finally {
      lab.router("R1").healFault(fault);
    }
    await()
        .atMost(Duration.ofSeconds(fault == Fault.HIGH_CPU ? 150 : 60))
        .untilAsserted(() -> assertThat(activeAlert(alertname, label, value)).isEmpty());
  }

  @Test
  void aRebootIsCountedAndThePeerSeesItsTunnelGoDownAndComeBack() throws Exception {
    double before = scrape("tunnelwatch_device_reboots_total{device=\"R1\"}");

    lab.router("R1").injectFault(Fault.REBOOT);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(scrape("tunnelwatch_device_reboots_total{device=\"R1\"}"))
                    .isEqualTo(before + 1));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(activeAlert("TunnelwatchTunnelDown", "tunnel", "Tunnel12"))
                    .hasValueSatisfying(
                        a -> assertThat(a.path("labels").path("device").asText()).isEqualTo("R2")));
    // The lab brings the SAs back after its 30 s outage.
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> assertThat(activeAlert("TunnelwatchTunnelDown", "tunnel", "Tunnel12")).isEmpty());
  }

  @Test
  void aPlainRekeyRaisesNoAlertButIsCounted() throws Exception {
    String series =
        "tunnelwatch_ipsec_rekeys_total{device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\","
            + "peer=\"200.0.0.1\"}";
    double before = scrape(series);
    int alertsBefore = activeAlerts().size();

    lab.router("R1").injectFault(Fault.REKEY);

    await().atMost(WAIT).untilAsserted(() -> assertThat(scrape(series)).isEqualTo(before + 1));
    assertThat(activeAlerts()).hasSize(alertsBefore);
  }

  private List<JsonNode> activeAlerts() throws Exception {
    List<JsonNode> active = new ArrayList<>();
    for (JsonNode alert : json.readTree(alertmanager.alertsJson())) {
      if (alert.path("status").path("state").asText().equals("active")) {
        active.add(alert);
      }
    }
    return active;
  }

  private Optional<JsonNode> activeAlert(String alertname, String label, String value)
      throws Exception {
    return activeAlerts().stream()
        .filter(a -> a.path("labels").path("alertname").asText().equals(alertname))
        .filter(a -> a.path("labels").path(label).asText().equals(value))
        .findFirst();
  }

  private double scrape(String series) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + "/metrics");
    String body =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
