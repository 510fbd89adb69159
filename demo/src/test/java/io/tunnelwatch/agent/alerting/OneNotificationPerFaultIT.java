package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.sim.TunnelLink;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.alertmanager.NotificationRecorder;
import io.tunnelwatch.testing.alertmanager.NotificationRecorder.Notification;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.prometheus.PrometheusServer;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import io.tunnelwatch.testing.time.LeapingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alerting design of docs/alerting.md, proven as on-call would see it: every lab fault,
 * injected into the simulated R1–R2 pair while the agent polls them and sends its alerts to a real
 * Alertmanager running the shipped {@code alerts/alertmanager.yml}, and a real Prometheus evaluates
 * the shipped rules against the agent and sends its alerts to the same Alertmanager. The receivers'
 * webhooks point at a recorder: each fault must reach it as exactly one notification per affected
 * device and peer, on the expected receiver, naming the expected alert with a clickable runbook;
 * healing it must send the resolve, and nothing may fire again.
 *
 * <p>Only the timing differs from the shipped files: Alertmanager's {@code group_wait} and {@code
 * group_interval} are shortened (a second notification for a group would come one group_interval
 * after the first, so the test watches for three), every rule's {@code for:} is 2 s, and the
 * agent's event windows are short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneNotificationPerFaultIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "one-notification-pass-61c2";
  private static final Duration GROUP_INTERVAL = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String R1_PEER = "200.0.0.1";
  private static final String R2_PEER = "100.0.0.1";

  private final LeapingClock labClock = new LeapingClock();
  private NotificationRecorder recorder;
  private Alertmanager alertmanager;
  private RunningLab lab;
  private Agent agent;
  private PrometheusServer prometheus;

  /** One notification group: the receiver (its webhook path) and the group's labels. */
  record Group(String receiver, String device, String peer, String alertname) {
    String key() {
      Map<String, String> labels = new TreeMap<>();
      labels.put("device", device);
      if (!peer.isEmpty()) {
        labels.put("peer", peer);
      }
      return "/alerts/" + receiver + " " + labels;
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    recorder = NotificationRecorder.start();
    alertmanager = Alertmanager.start(dir.resolve("alertmanager"), shippedRoutingFor(dir));
    lab =
        ReferenceLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).clock(labClock).build());
    AgentConfig demo = LabAgentConfigs.bothFaces(lab, USER, PASSWORD, Duration.ofSeconds(1), dir);
    AgentConfig config = LabAgentConfigs.fastAlertingTo(demo, alertmanager.url().toString());
    agent = Agent.start(config, Clock.systemUTC(), name -> null, List.of());
    prometheus =
        PrometheusServer.start(
            dir.resolve("prometheus"),
            PrometheusServer.Options.of(
                    "127.0.0.1:" + agent.httpAddress().getPort(), RepoLayout.find().ruleFiles())
                .withForOverride(Duration.ofSeconds(2))
                .withAlertmanager(alertmanager.url()));
    await().atMost(WAIT).until(() -> agent.states().allPolledOnce());
  }

  /** The shipped routing and inhibition, with the receivers on the recorder and short timers. */
  private Path shippedRoutingFor(Path dir) throws Exception {
    String shipped = Files.readString(RepoLayout.find().alertmanagerConfig());
    String forTest =
        shipped
            .replace("http://127.0.0.1:9095", recorder.url().toString())
            .replaceAll("group_wait: \\d+s", "group_wait: 1s")
            // Warnings wait two polls in the shipped file (1m at 30 s): three 1 s polls here.
            .replace("group_wait: 1m", "group_wait: 3s")
            .replaceAll(
                "group_interval: \\S+", "group_interval: " + GROUP_INTERVAL.toSeconds() + "s")
            .replaceAll("repeat_interval: \\S+", "repeat_interval: 1h");
    assertThat(forTest)
        .isNotEqualTo(shipped)
        .contains(recorder.url().toString())
        .contains("group_wait: 3s");
    Path file = dir.resolve("alertmanager.yml");
    Files.writeString(file, forTest);
    return file;
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {prometheus, agent, lab, alertmanager, recorder}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            Fault.PSK_MISMATCH,
            Set.of(
                new Group("pager", "R1", R1_PEER, "TunnelwatchPhase1Failure"),
                new Group("pager", "R2", R2_PEER, "TunnelwatchPhase1Failure"))),
        Arguments.of(
            Fault.ISAKMP_POLICY_MISMATCH,
            Set.of(
                new Group("pager", "R1", R1_PEER, "TunnelwatchPhase1Failure"),
                new Group("pager", "R2", R2_PEER, "TunnelwatchPhase1Failure"))),
        Arguments.of(
            Fault.ACL_MISMATCH,
            Set.of(
                new Group("pager", "R1", R1_PEER, "TunnelwatchPhase2Failure"),
                new Group("pager", "R2", R2_PEER, "TunnelwatchPhase2Failure"))),
        Arguments.of(
            Fault.TRANSFORM_SET_MISMATCH,
            Set.of(
                new Group("pager", "R1", R1_PEER, "TunnelwatchPhase2Failure"),
                new Group("pager", "R2", R2_PEER, "TunnelwatchPhase2Failure"))),
        Arguments.of(
            Fault.TUNNEL_DOWN,
            Set.of(
                new Group("pager", "R1", R1_PEER, "TunnelwatchTunnelDown"),
                new Group("pager", "R2", R2_PEER, "TunnelwatchTunnelDown"))),
        Arguments.of(
            Fault.STALL,
            Set.of(
                new Group("chat", "R1", R1_PEER, "TunnelwatchCountersStalled"),
                new Group("chat", "R2", R2_PEER, "TunnelwatchCountersStalled"))),
        // R1 keeps encrypting; what stops is R2's decrypt, so R2 is where the flow is one-way.
        Arguments.of(
            Fault.ONE_WAY, Set.of(new Group("chat", "R2", R2_PEER, "TunnelwatchOneWayTraffic"))),
        Arguments.of(
            Fault.REKEY_STORM,
            Set.of(
                new Group("chat", "R1", R1_PEER, "TunnelwatchRenegotiationStorm"),
                new Group("chat", "R2", R2_PEER, "TunnelwatchRenegotiationStorm"))),
        Arguments.of(Fault.HIGH_CPU, Set.of(new Group("chat", "R1", "", "TunnelwatchHighCpu"))));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultSendsOneNotificationPerDeviceAndPeerAndHealingResolvesIt(
      Fault fault, Set<Group> expected) {
    recorder.clear();
    lab.router("R1").injectFault(fault);
    try {
      skipTheWaitFor(fault);
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                driveTimeFor(fault);
                assertThat(firingGroups()).containsAll(keys(expected));
              });
      // Long enough for Alertmanager to send any update of a group (one group_interval) three
      // times over: the notifications must stay exactly one per expected group.
      await()
          .during(GROUP_INTERVAL.multipliedBy(3))
          .atMost(GROUP_INTERVAL.multipliedBy(5))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                driveTimeFor(fault);
                assertExactlyOneFiringNotificationPerGroup(expected);
              });
    } finally {
      lab.router("R1").healFault(fault);
    }
    skipTheWaitFor(fault);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(resolvedGroups()).containsAll(keys(expected)));
    await()
        .during(GROUP_INTERVAL.multipliedBy(2))
        .atMost(GROUP_INTERVAL.multipliedBy(4))
        .untilAsserted(
            () -> assertThat(recorder.firing()).as(this::received).hasSize(expected.size()));
  }

  private void assertExactlyOneFiringNotificationPerGroup(Set<Group> expected) {
    List<Notification> firing = recorder.firing();
    assertThat(firing.stream().map(Notification::group).toList())
        .as(this::received)
        .containsExactlyInAnyOrderElementsOf(keys(expected));
    for (Group group : expected) {
      Notification notification =
          firing.stream().filter(n -> n.group().equals(group.key())).findFirst().orElseThrow();
      assertThat(notification.alertNames()).as(this::received).contains(group.alertname());
      for (JsonNode alert : notification.alerts()) {
        assertThat(alert.path("annotations").path("runbook_url").asText())
            .startsWith("https://")
            .contains("#" + alert.path("labels").path("alertname").asText().toLowerCase());
        assertThat(alert.path("annotations").path("summary").asText())
            .hasSizeLessThan(120)
            .contains(group.device());
        assertThat(alert.path("generatorURL").asText()).startsWith("http");
      }
    }
  }

  @Order(3)
  @Test
  void aRebootSendsTheRebootToChatAndThePeersTunnelDownToThePagerOnce() {
    recorder.clear();
    double before = metrics().value("tunnelwatch_device_reboots_total{device=\"R1\"}");

    lab.router("R1").injectFault(Fault.REBOOT);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(metrics().value("tunnelwatch_device_reboots_total{device=\"R1\"}"))
                    .isEqualTo(before + 1));
    Group rebooted = new Group("chat", "R1", "", "TunnelwatchDeviceRebooted");
    Group peerDown = new Group("pager", "R2", R2_PEER, "TunnelwatchTunnelDown");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(firingGroups()).contains(rebooted.key(), peerDown.key()));
    // The lab brings the SAs back after its outage: leap over it rather than wait it out.
    labClock.leap(TunnelLink.REBOOT_OUTAGE);
    await().atMost(WAIT).untilAsserted(() -> assertThat(resolvedGroups()).contains(peerDown.key()));
    Map<String, Long> firingPerGroup =
        recorder.firing().stream()
            .collect(Collectors.groupingBy(Notification::group, Collectors.counting()));
    assertThat(firingPerGroup)
        .as(this::received)
        .allSatisfy((group, count) -> assertThat(count).isEqualTo(1));
  }

  @Order(2)
  @Test
  void aPlainRekeyNotifiesNobody() {
    recorder.clear();
    String series =
        "tunnelwatch_ipsec_rekeys_total{device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\","
            + "peer=\"200.0.0.1\"}";
    double before = metrics().value(series);

    lab.router("R1").injectFault(Fault.REKEY);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(metrics().value(series)).isEqualTo(before + 1));
    await()
        .during(GROUP_INTERVAL.multipliedBy(2))
        .atMost(GROUP_INTERVAL.multipliedBy(4))
        .untilAsserted(() -> assertThat(recorder.firing()).as(this::received).isEmpty());
  }

  private Set<String> firingGroups() {
    return recorder.firing().stream().map(Notification::group).collect(Collectors.toSet());
  }

  private Set<String> resolvedGroups() {
    return recorder.resolved().stream().map(Notification::group).collect(Collectors.toSet());
  }

  private static Set<String> keys(Set<Group> groups) {
    return groups.stream().map(Group::key).collect(Collectors.toCollection(TreeSet::new));
  }

  private String received() {
    return "notifications received:\n"
        + recorder.all().stream()
            .map(n -> n.status() + " " + n.group() + " " + n.alertNames())
            .collect(Collectors.joining("\n"));
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

  private MetricsEndpoint metrics() {
    return MetricsEndpoint.at(agent.httpAddress());
  }
}
