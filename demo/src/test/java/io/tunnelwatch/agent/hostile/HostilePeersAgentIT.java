package io.tunnelwatch.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.cli.Main;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.snmp.ScriptedAgent;
import io.tunnelwatch.testing.ssh.OpenSshServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * The whole agent, as a user runs it ({@code tunnelwatch run} in its own JVM with a small heap),
 * against hostile peers at once: an OpenSSH "router" that never stops printing, one that trickles a
 * line every 0.2 s for ever, and clients that open HTTP connections and fall silent; next to them a
 * healthy lab router. Each bound of issue 17 is asserted here, and the figures the closing note
 * quotes are logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HostilePeersAgentIT {

  private static final Logger LOG = LoggerFactory.getLogger(HostilePeersAgentIT.class);
  private static final String USER = "netops";
  private static final String PASSWORD = "hostile-lab-pass-3c1e";
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);
  private static final String HEAP = "-Xmx96m";
  private static final Duration WALK_TIMEOUT = Duration.ofSeconds(3);
  private static final String COMMUNITY = "hostile-community-7d2a";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  // A hostile command ends the session, so each of these polls logs in again (bounded by the
  // connect timeout) and runs two good commands before the hostile one, which the command timeout
  // bounds: the poll's bound is their sum.
  private static final double LOGIN_AND_GOOD_COMMANDS = CONNECT_TIMEOUT.toSeconds();

  private Path dir;
  private RunningLab lab;
  private OpenSshServer streaming;
  private OpenSshServer trickling;
  private final List<ScriptedAgent> snmpAgents = new ArrayList<>();
  private ScriptedAgent silent;
  private ScriptedAgent looping;
  private ScriptedAgent endless;
  private Process agent;
  private Path agentLog;
  private int httpPort;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    LabRouter r1 = lab.router("R1");
    Path key = dir.resolve("id_ed25519");
    ProcessRunner.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
        .requireSuccess();
    String publicKey = Files.readString(dir.resolve("id_ed25519.pub")).strip();
    streaming =
        OpenSshServer.start(Files.createDirectories(dir.resolve("stream")), List.of(publicKey));
    streaming.mode("endless");
    trickling =
        OpenSshServer.start(Files.createDirectories(dir.resolve("trickle")), List.of(publicKey));
    trickling.mode("trickle");
    silent = snmpAgent((request, n) -> null);
    looping = snmpAgent(HostilePeersAgentIT::sameOidForEver);
    endless = snmpAgent(HostilePeersAgentIT::rowsForEver);
    Files.writeString(dir.resolve("r1_known_hosts"), r1.knownHostsLine() + "\n");
    Files.writeString(dir.resolve("stream_known_hosts"), streaming.knownHostsLine() + "\n");
    Files.writeString(dir.resolve("trickle_known_hosts"), trickling.knownHostsLine() + "\n");
    httpPort = FreePorts.tcp();
    Path config = dir.resolve("tunnelwatch.yml");
    Files.writeString(config, config(r1, key));
    agentLog = dir.resolve("agent.log");
    ProcessBuilder builder =
        ChildJvm.of(List.of(HEAP), Main.class, "run", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(agentLog.toFile());
    builder.environment().put("HOSTILE_LAB_PASSWORD", PASSWORD);
    builder.environment().put("HOSTILE_COMMUNITY", COMMUNITY);
    agent = builder.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !agent.isAlive() || HttpGet.ok(uri("/-/healthy")));
    assertThat(agent.isAlive()).as(this::log).isTrue();
  }

  private String config(LabRouter r1, Path key) {
    String user = System.getProperty("user.name");
    return String.join(
        "\n",
        "http:",
        "  listen: 127.0.0.1:" + httpPort,
        "auths:",
        "  lab:",
        "    username: " + USER,
        "    password_env: HOSTILE_LAB_PASSWORD",
        "  key:",
        "    username: " + user,
        "    private_key_file: " + key,
        "  v2:",
        "    snmp: {version: 2c, community_env: HOSTILE_COMMUNITY}",
        "modules:",
        "  snmp_only:",
        "    snmp:",
        "      timeout: 1s",
        "      retries: 0",
        "      walk_timeout: " + WALK_TIMEOUT.toSeconds() + "s",
        "      max_rows_per_walk: 5000",
        "  ipsec_gre:",
        "    ssh:",
        "      command_timeout: " + COMMAND_TIMEOUT.toSeconds() + "s",
        "      connect_timeout: " + CONNECT_TIMEOUT.toSeconds() + "s",
        "      max_output_bytes: 4194304",
        "devices:",
        device("R1", r1.sshHost(), r1.sshPort(), "lab", "r1_known_hosts"),
        device("STREAM", "127.0.0.1", streaming.port(), "key", "stream_known_hosts"),
        device("TRICKLE", "127.0.0.1", trickling.port(), "key", "trickle_known_hosts"),
        snmpDevice("SILENT", silent),
        snmpDevice("LOOPING", looping),
        snmpDevice("ENDLESS", endless),
        "");
  }

  private String device(String name, String host, int port, String auth, String knownHosts) {
    return String.join(
        "\n",
        "  - name: " + name,
        "    host: " + host,
        "    module: ipsec_gre",
        "    interval: " + INTERVAL.toSeconds() + "s",
        "    ssh:",
        "      port: " + port,
        "      auth: " + auth,
        "      known_hosts: " + dir.resolve(knownHosts));
  }

  private String snmpDevice(String name, ScriptedAgent agent) {
    return String.join(
        "\n",
        "  - name: " + name,
        "    host: 127.0.0.1",
        "    module: snmp_only",
        "    interval: " + INTERVAL.toSeconds() + "s",
        "    snmp: {port: " + agent.port() + ", auth: v2}");
  }

  private ScriptedAgent snmpAgent(ScriptedAgent.Script script) throws IOException {
    ScriptedAgent agent = ScriptedAgent.start(COMMUNITY, script);
    snmpAgents.add(agent);
    return agent;
  }

  /** Every answer names the same object, whatever was asked: a walk that would never end. */
  private static ScriptedAgent.Reply sameOidForEver(PDU request, int n) {
    return ScriptedAgent.Reply.of(
        List.of(new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(n))));
  }

  /** Answers a GET; every walk goes on past the object asked, row after row, without end. */
  private static ScriptedAgent.Reply rowsForEver(PDU request, int n) {
    List<VariableBinding> out = new ArrayList<>();
    for (VariableBinding asked : request.getVariableBindings()) {
      if (request.getType() == PDU.GET) {
        out.add(new VariableBinding(asked.getOid(), new TimeTicks(n)));
        continue;
      }
      int repetitions = Math.max(1, request.getMaxRepetitions());
      OID next = asked.getOid();
      for (int i = 0; i < repetitions; i++) {
        // Below the object asked (a child of a short OID, then its siblings): always inside the
        // subtree being walked, always increasing, never longer than a few sub-identifiers more.
        next = next.size() <= 16 ? new OID(next).append(1) : next.successor();
        out.add(new VariableBinding(next, new Counter32(i)));
      }
    }
    return ScriptedAgent.Reply.of(out);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  private MetricsEndpoint metrics() {
    return MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", httpPort));
  }

  private String log() {
    try {
      return Files.readString(agentLog);
    } catch (IOException e) {
      return "(no agent log: " + e + ")";
    }
  }

  @AfterAll
  void stop() {
    if (agent != null && agent.isAlive()) {
      agent.destroyForcibly();
    }
    if (streaming != null) {
      streaming.close();
    }
    if (trickling != null) {
      trickling.close();
    }
    for (ScriptedAgent snmp : snmpAgents) {
      try {
        snmp.close();
      } catch (IOException e) {
        LOG.warn("cannot close a scripted SNMP agent: {}", e.toString());
      }
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void aRouterThatNeverStopsPrintingFailsItsPollAtTheOutputLimitWithinTheCommandTimeout() {
    String failures = "tunnelwatch_poll_failures_total{reason=\"output_too_large\",source=\"ssh\"}";
    await().atMost(Duration.ofSeconds(30)).until(() -> metrics().value(failures) >= 1);

    double took =
        metrics()
            .value("tunnelwatch_device_poll_duration_seconds{device=\"STREAM\",source=\"ssh\"}");
    LOG.info("streaming router: poll failed after {} s ({})", took, HEAP);
    assertThat(took).isLessThanOrEqualTo(COMMAND_TIMEOUT.toSeconds() + LOGIN_AND_GOOD_COMMANDS);
    assertThat(metrics().value("tunnelwatch_device_up{device=\"STREAM\",source=\"ssh\"}")).isZero();
  }

  @Test
  @Order(2)
  void aRouterThatTricklesForeverFailsItsPollAtTheCommandTimeout() {
    String failures = "tunnelwatch_poll_failures_total{reason=\"timeout\",source=\"ssh\"}";
    await().atMost(Duration.ofSeconds(30)).until(() -> metrics().value(failures) >= 1);

    double took =
        metrics()
            .value("tunnelwatch_device_poll_duration_seconds{device=\"TRICKLE\",source=\"ssh\"}");
    LOG.info("trickling router: poll failed after {} s", took);
    assertThat(took)
        .isBetween(
            COMMAND_TIMEOUT.toSeconds() - 0.5,
            COMMAND_TIMEOUT.toSeconds() + LOGIN_AND_GOOD_COMMANDS);
  }

  @Test
  @Order(2)
  void silentLoopingAndEndlessSnmpAgentsFailTheirPollsWithinTheWalkTimeout() {
    for (String device : List.of("SILENT", "LOOPING", "ENDLESS")) {
      String up = "tunnelwatch_device_up{device=\"" + device + "\",source=\"snmp\"}";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> metrics().text().contains(up) && metrics().value(up) == 0.0);
      double took =
          metrics()
              .value(
                  "tunnelwatch_device_poll_duration_seconds{device=\""
                      + device
                      + "\",source=\"snmp\"}");
      LOG.info("{} SNMP agent: poll failed after {} s", device, took);
      // One walk's bound, plus a slow machine's scheduling.
      assertThat(took).as(device).isLessThanOrEqualTo(WALK_TIMEOUT.toSeconds() + 2.0);
    }
    assertThat(looping.requests()).isPositive();
    assertThat(endless.requests()).isPositive();
  }

  @Test
  @Order(3)
  void theHealthyRouterKeepsItsIntervalWhileTheOthersMisbehave() {
    String lastSuccess =
        "tunnelwatch_device_last_success_timestamp_seconds{device=\"R1\",source=\"ssh\"}";
    await().atMost(Duration.ofSeconds(30)).until(() -> metrics().value(lastSuccess) > 0);
    double first = metrics().value(lastSuccess);
    List<Double> ages = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              double now = System.currentTimeMillis() / 1000.0;
              double last = metrics().value(lastSuccess);
              ages.add(now - last);
              return last >= first + 3 * INTERVAL.toSeconds();
            });

    // An interval, plus the poll itself and the scrape on a busy machine.
    assertThat(ages).allSatisfy(age -> assertThat(age).isLessThan(INTERVAL.toSeconds() + 2.0));
    assertThat(metrics().value("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}")).isOne();
  }

  @Test
  @Order(4)
  void healthAnswersWithinASecondWhileClientsHoldConnectionsOpenInSilence() throws Exception {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket("127.0.0.1", httpPort);
        socket.getOutputStream().write('G');
        socket.getOutputStream().flush();
        silent.add(socket);
      }
      long slowest = 0;
      for (int i = 0; i < 5; i++) {
        long started = System.nanoTime();
        assertThat(HttpGet.ok(uri("/-/healthy"))).isTrue();
        slowest = Math.max(slowest, System.nanoTime() - started);
      }
      LOG.info("/-/healthy during 8 silent connections: slowest {} ms", slowest / 1_000_000);
      assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(1));
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  @Test
  @Order(5)
  void theSmallHeapHoldsAndShutdownEndsWithinFiveSecondsWhateverTheRoutersDo() throws Exception {
    double heap =
        MetricsEndpoint.value(
                metrics().text(), "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"}")
            .orElse(Double.NaN);
    LOG.info("agent old-generation heap in use with {}: {} MB", HEAP, heap / (1 << 20));
    assertThat(agent.isAlive()).isTrue();
    assertThat(log()).doesNotContain("OutOfMemoryError");

    long started = System.nanoTime();
    agent.destroy();
    boolean ended = agent.waitFor(5, TimeUnit.SECONDS);
    LOG.info(
        "shutdown took {} ms, exit code {}",
        (System.nanoTime() - started) / 1_000_000,
        ended ? agent.exitValue() : "none");
    assertThat(ended).as(this::log).isTrue();
  }
}
