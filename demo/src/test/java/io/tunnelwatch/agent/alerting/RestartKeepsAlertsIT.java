package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.cli.Main;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.alertmanager.NotificationRecorder;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ChildJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent killed with SIGKILL while a fault is open, and started again on the same state
 * directory: the alert stays firing in a real Alertmanager without a resolve in between and without
 * a second notification, the history holds one opening for the incident, and healing (before or
 * after the restart) resolves it.
 */
class RestartKeepsAlertsIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "restart-lab-pass-7d2a";
  private static final String ALERT = "TunnelwatchTunnelDown";
  private static final String TUNNEL = "Tunnel10";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private RunningLab lab;
  private NotificationRecorder recorder;
  private Alertmanager alertmanager;
  private Path config;
  private int httpPort;
  private final List<Process> agents = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    recorder = NotificationRecorder.start();
    alertmanager = Alertmanager.start(dir.resolve("alertmanager"), routing());
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    httpPort = FreePorts.tcp();
    config = dir.resolve("tunnelwatch.yml");
    Files.writeString(config, agentConfig(lab.router("R1")));
  }

  @AfterEach
  void stop() throws Exception {
    agents.forEach(Process::destroyForcibly);
    for (AutoCloseable c : new AutoCloseable[] {lab, alertmanager, recorder}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aFiringAlertOutlivesSigkillAndHealingResolvesIt() throws Exception {
    Process first = startAgent("first");
    lab.router("R1").injectFault(Fault.TUNNEL_DOWN);
    JsonNode firing = awaitFiring();
    await().atMost(WAIT).until(() -> recorder.firing().size() == 1);

    kill(first);
    startAgent("second");
    // Two polls of the restarted agent: it saw the tunnel down again, and would have re-opened it.
    awaitPolls(2);

    assertThat(openTunnelDown()).as(metrics()::text).containsExactly("1.0");
    JsonNode stillFiring = alertmanager.activeAlert(ALERT, "tunnel", TUNNEL).orElseThrow();
    assertThat(stillFiring.path("startsAt").asText()).isEqualTo(firing.path("startsAt").asText());
    assertThat(recorder.resolved()).isEmpty();

    lab.router("R1").healFault(Fault.TUNNEL_DOWN);
    await().atMost(WAIT).until(() -> recorder.resolved().size() == 1);
    assertThat(alertmanager.activeAlert(ALERT, "tunnel", TUNNEL)).isEmpty();
    assertThat(recorder.firing())
        .as("a notification per state change, none for the restart")
        .hasSize(1);
    assertThat(tunnelDownHistory()).containsExactly(EventStatus.OPENED, EventStatus.RESOLVED);
  }

  @Test
  void aFaultHealedWhileTheAgentIsDownIsResolvedByTheFirstPollAfterTheRestart() throws Exception {
    Process first = startAgent("first");
    lab.router("R1").injectFault(Fault.TUNNEL_DOWN);
    awaitFiring();

    kill(first);
    lab.router("R1").healFault(Fault.TUNNEL_DOWN);
    Instant restarted = Instant.now();
    startAgent("second");

    // On failure, the restarted agent's log says what it saw.
    Path secondLog = dir.resolve("agent-second.log");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(alertmanager.activeAlert(ALERT, "tunnel", TUNNEL))
                    .as(() -> read(secondLog))
                    .isEmpty());
    await().atMost(WAIT).until(() -> !recorder.resolved().isEmpty());
    assertThat(recorder.resolved()).as(() -> read(secondLog)).hasSize(1);
    assertThat(openTunnelDown()).isEmpty();
    assertThat(tunnelDownHistory()).containsExactly(EventStatus.OPENED, EventStatus.RESOLVED);
    Event resolved = tunnelDownEvents().get(1);
    assertThat(resolved.at()).isAfter(restarted);
  }

  /**
   * Until the alert is active in Alertmanager and on-call has been notified of it. Alertmanager
   * says nothing of an alert resolved before its group's first notification went out, so a restart
   * that resolved it sooner (a busy machine delaying Alertmanager) would leave nothing to count.
   */
  private JsonNode awaitFiring() {
    JsonNode alert =
        await()
            .atMost(WAIT)
            .until(() -> alertmanager.activeAlert(ALERT, "tunnel", TUNNEL), Optional::isPresent)
            .orElseThrow();
    await().atMost(WAIT).until(() -> !recorder.firing().isEmpty());
    return alert;
  }

  /** The values of R1's open tunnel_down condition series on /metrics. */
  private List<String> openTunnelDown() {
    return metrics()
        .text()
        .lines()
        .filter(l -> l.startsWith("tunnelwatch_condition_open{"))
        .filter(l -> l.contains("kind=\"tunnel_down\"") && l.contains("device=\"R1\""))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .toList();
  }

  private void awaitPolls(int polls) {
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> metrics().value("tunnelwatch_polls_total{source=\"ssh\"}") >= polls);
  }

  private List<EventStatus> tunnelDownHistory() {
    return tunnelDownEvents().stream().map(Event::status).toList();
  }

  private List<Event> tunnelDownEvents() {
    try (EventHistory history = JdbcEventHistory.openReadOnly(dir.resolve("state"))) {
      return history.events(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
          .filter(e -> e.kind() == EventKind.TUNNEL_DOWN && e.device().equals("R1"))
          .toList();
    }
  }

  private Process startAgent(String name) throws IOException {
    Path log = dir.resolve("agent-" + name + ".log");
    ProcessBuilder builder =
        ChildJvm.of(List.of("-Xmx128m"), Main.class, "run", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("RESTART_LAB_PASSWORD", PASSWORD);
    Process agent = builder.start();
    agents.add(agent);
    await().atMost(WAIT).until(() -> !agent.isAlive() || HttpGet.ok(uri("/-/healthy")));
    assertThat(agent.isAlive()).as(() -> read(log)).isTrue();
    awaitPolls(1);
    return agent;
  }

  /** SIGKILL: nothing runs on the way out, no state is saved, no alert resolved. */
  private void kill(Process agent) throws InterruptedException {
    agent.destroyForcibly();
    assertThat(agent.waitFor()).isEqualTo(137);
  }

  private Path routing() throws IOException {
    Path file = dir.resolve("alertmanager.yml");
    Files.writeString(file, recorder.routingAll(List.of("device", "peer")));
    return file;
  }

  private String agentConfig(LabRouter r1) throws IOException {
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, r1.knownHostsLine() + "\n");
    return String.join(
        "\n",
        "http:",
        "  listen: 127.0.0.1:" + httpPort,
        "auths:",
        "  lab:",
        "    username: " + USER,
        "    password_env: RESTART_LAB_PASSWORD",
        "modules:",
        "  ipsec_gre:",
        "    ssh:",
        "      command_timeout: 5s",
        "events:",
        "  unreachable_after_polls: 2",
        "  negotiation_failure_polls: 2",
        "history:",
        "  state_dir: " + dir.resolve("state"),
        "alerting:",
        "  alertmanager: [" + alertmanager.url() + "]",
        "  resend_interval: 1s",
        "devices:",
        "  - name: R1",
        "    host: " + r1.sshHost(),
        "    module: ipsec_gre",
        "    interval: 1s",
        "    ssh:",
        "      port: " + r1.sshPort(),
        "      auth: lab",
        "      known_hosts: " + knownHosts,
        "");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  private MetricsEndpoint metrics() {
    return MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", httpPort));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no agent log: " + e + ")";
    }
  }
}
