package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.Daemon;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunnelwatch run} in its own JVM against the lab's R1 and R2, its configuration file
 * rewritten under it and reloaded by {@code SIGHUP} and {@code POST /-/reload}: devices are added,
 * removed and reconnected, a device left alone keeps its session and its open conditions, and a
 * broken file changes nothing but the reload metric.
 */
class ConfigReloadIT {

  private static final String USER = "netops";
  private static final String PASSWORD = "reload-lab-pass-8d2f";
  private static final String INLINE_SECRET = "inline-secret-7f3a9c";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningLab lab;
  private Daemon agent;
  private Path config;
  private int httpPort;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private String device(String name, Duration interval) {
    LabRouter router = lab.router(name);
    return """
          - name: %s
            host: %s
            module: ipsec_gre
            interval: %ds
            ssh: {port: %d, auth: lab, known_hosts: %s_known_hosts}
        """
        .formatted(name, router.sshHost(), interval.toSeconds(), router.sshPort(), name);
  }

  private void writeConfig(int listenPort, String... devices) throws Exception {
    String text =
        """
        http:
          listen: 127.0.0.1:%d
        auths:
          lab: {username: %s, password_env: RELOAD_IT_PASSWORD}
        modules:
          ipsec_gre: {ssh: {command_timeout: 5s}}
        devices:
        %s"""
            .formatted(listenPort, USER, String.join("", devices));
    // Written beside and moved into place, as editors and config management do, so that a reload
    // never reads half a file.
    Path next = dir.resolve("tunnelwatch.yml.next");
    Files.writeString(next, text);
    Files.move(next, config, StandardCopyOption.REPLACE_EXISTING);
  }

  private MetricsEndpoint metrics() {
    return MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", httpPort));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  private HttpResponse<String> post(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String up(String device) {
    return "tunnelwatch_device_up{device=\"" + device + "\",source=\"ssh\"}";
  }

  private static final String R1_TUNNEL_DOWN_EVENTS =
      "tunnelwatch_events_total{device=\"R1\",kind=\"tunnel_down\"}";

  private long count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private long r1TunnelDownOpenedLines() {
    return count(
        agent.logText(), "tunnel_down opened \\[critical\\] R1: Tunnel10 line protocol down");
  }

  @Test
  void reloadsAddRemoveAndReconnectDevicesAndABrokenFileChangesNothing() throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    LabRouter r1 = lab.router("R1");
    LabRouter r2 = lab.router("R2");
    Files.writeString(dir.resolve("R1_known_hosts"), r1.knownHostsLine() + "\n");
    Files.writeString(dir.resolve("R2_known_hosts"), r2.knownHostsLine() + "\n");
    httpPort = FreePorts.tcp();
    config = dir.resolve("tunnelwatch.yml");
    writeConfig(httpPort, device("R1", Duration.ofSeconds(1)));
    Instant beforeStart = Instant.now();
    ProcessBuilder builder = ChildJvm.of(Main.class, "run", "--config.file", config.toString());
    builder.environment().put("RELOAD_IT_PASSWORD", PASSWORD);
    agent =
        Daemon.start(builder.command(), builder.environment(), dir.resolve("agent.log"))
            .awaitReady(() -> metrics().value(up("R1")) == 1.0, WAIT);

    // At start: loaded successfully, at the start time; only POST reloads.
    assertThat(metrics().value("tunnelwatch_config_last_reload_successful")).isEqualTo(1.0);
    double startedAt = metrics().value("tunnelwatch_config_last_reload_success_timestamp_seconds");
    assertThat(startedAt)
        .isBetween((double) beforeStart.getEpochSecond(), (double) Instant.now().getEpochSecond());
    assertThat(HttpGet.send(uri("/-/reload")).statusCode()).isEqualTo(405);
    assertThat(metrics().text()).doesNotContain("device=\"R2\"");

    // R1 gets an open condition that a reset of its state would open again.
    r1.setTunnelUp(false);
    await().atMost(WAIT).until(() -> metrics().value(R1_TUNNEL_DOWN_EVENTS) == 1.0);
    long r1Connections = r1.sshConnectionsOpened();
    assertThat(r1TunnelDownOpenedLines()).isEqualTo(1);

    // SIGHUP adds R2 and leaves R1 alone.
    writeConfig(httpPort, device("R1", Duration.ofSeconds(1)), device("R2", Duration.ofSeconds(1)));
    ProcessRunner.run("kill", "-HUP", Long.toString(agent.pid())).requireSuccess();
    await().atMost(WAIT).until(() -> metrics().value(up("R2")) == 1.0);
    assertThat(agent.logText()).contains("configuration reloaded: 1 added, 0 removed, 0 changed");
    assertThat(agent.alive()).isTrue();
    // Polls of R1 go on after the reload, over the session it had.
    double r1PolledAt = lastSuccess("R1");
    await().atMost(WAIT).until(() -> lastSuccess("R1") >= r1PolledAt + 2);
    assertThat(r1.sshConnectionsOpened()).isEqualTo(r1Connections);
    assertThat(metrics().value(R1_TUNNEL_DOWN_EVENTS)).isEqualTo(1.0);
    assertThat(r1TunnelDownOpenedLines()).isEqualTo(1);
    double addedAt = metrics().value("tunnelwatch_config_last_reload_success_timestamp_seconds");
    assertThat(addedAt).isGreaterThanOrEqualTo(startedAt);

    // POST removes R1: its series are gone when the answer comes, its session is closed.
    long r2Connections = r2.sshConnectionsOpened();
    writeConfig(httpPort, device("R2", Duration.ofSeconds(1)));
    HttpResponse<String> removed = post("/-/reload");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(removed.body()).contains("0 added, 1 removed, 0 changed");
    assertThat(metrics().text()).doesNotContain("device=\"R1\"").contains("device=\"R2\"");
    assertThat(HttpGet.send(uri("/probe?target=R1")).statusCode()).isEqualTo(404);
    await().atMost(WAIT).until(() -> r1.activeSshSessions() == 0);
    assertThat(r2.sshConnectionsOpened()).isEqualTo(r2Connections);

    // Changing R2 reconnects it.
    writeConfig(httpPort, device("R2", Duration.ofSeconds(2)));
    HttpResponse<String> changed = post("/-/reload");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.body()).contains("0 added, 0 removed, 1 changed");
    await().atMost(WAIT).until(() -> r2.sshConnectionsOpened() > r2Connections);
    await().atMost(WAIT).until(() -> metrics().value(up("R2")) == 1.0);
    double changedAt = metrics().value("tunnelwatch_config_last_reload_success_timestamp_seconds");

    // A broken file: 500 naming the key, no secret echoed, the agent polls on as before.
    Files.writeString(
        config,
        Files.readString(config)
            .replace("password_env: RELOAD_IT_PASSWORD", "password: " + INLINE_SECRET)
            .replace("port: " + r2.sshPort(), "port: 70000"));
    HttpResponse<String> broken = post("/-/reload");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).contains("devices[0].ssh.port").doesNotContain(INLINE_SECRET);
    assertThat(metrics().value("tunnelwatch_config_last_reload_successful")).isZero();
    assertThat(metrics().value("tunnelwatch_config_last_reload_success_timestamp_seconds"))
        .isEqualTo(changedAt);
    double r2PolledAt = lastSuccess("R2");
    await().atMost(WAIT).until(() -> lastSuccess("R2") >= r2PolledAt + 2);
    assertThat(metrics().value(up("R2"))).isEqualTo(1.0);
    String log = agent.logText();
    assertThat(count(log, "configuration reload: devices\\[0\\]\\.ssh\\.port")).isEqualTo(1);
    assertThat(log).contains("configuration reload failed").doesNotContain(INLINE_SECRET);

    // A listen address cannot move without a restart: named once, served where it was.
    writeConfig(FreePorts.tcp(), device("R2", Duration.ofSeconds(2)));
    HttpResponse<String> relisten = post("/-/reload");
    assertThat(relisten.statusCode()).as(relisten.body()).isEqualTo(200);
    assertThat(relisten.body()).contains("0 added, 0 removed, 0 changed");
    assertThat(metrics().value("tunnelwatch_config_last_reload_successful")).isEqualTo(1.0);
    assertThat(
            count(agent.logText(), "http\\.listen changed; it takes effect only after a restart"))
        .isEqualTo(1);

    assertThat(agent.terminate(Duration.ofSeconds(10))).as(agent.logText()).isZero();
  }

  /** When the device's last SSH poll succeeded, in Unix seconds. */
  private double lastSuccess(String device) {
    return metrics()
        .value(
            "tunnelwatch_device_last_success_timestamp_seconds{device=\""
                + device
                + "\",source=\"ssh\"}");
  }
}
