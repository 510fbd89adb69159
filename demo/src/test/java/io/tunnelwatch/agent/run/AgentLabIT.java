package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.agent.config.Secret;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The whole agent against the lab's R1 and R2 over real SSH, scraped over real HTTP. */
class AgentLabIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "demo-pass-5c1e9";
  private static final String WRONG_PASSWORD = "wrong-pass-0b7d";
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir Path dir;
  private final ManualClock labClock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningLab lab;
  private Agent agent;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private void start(Map<String, String> passwordByDevice, Duration commandTimeout)
      throws Exception {
    lab =
        ReferenceLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).clock(labClock).build());
    AgentConfig demo = DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", INTERVAL, dir);
    Map<String, AuthConfig> auths = new HashMap<>();
    List<DeviceConfig> devices =
        demo.devices().stream()
            .map(
                d -> {
                  String password = passwordByDevice.getOrDefault(d.name(), PASSWORD);
                  auths.put(d.name(), AuthConfig.ofPassword(USER, Secret.of(password)));
                  DeviceConfig.DeviceSshConfig ssh = d.ssh().orElseThrow();
                  return new DeviceConfig(
                      d.name(),
                      d.host(),
                      d.module(),
                      d.interval(),
                      new DeviceConfig.DeviceSshConfig(
                          ssh.port(), d.name(), ssh.knownHosts(), false));
                })
            .toList();
    AgentConfig config =
        new AgentConfig(
            demo.http(),
            auths,
            Map.of(
                DemoConfig.MODULE,
                ModuleConfig.ofSsh(
                    new ModuleConfig.SshModuleConfig(commandTimeout, Duration.ofSeconds(5), null))),
            devices);
    agent = Agent.start(config);
  }

  private String get(String path) throws IOException, InterruptedException {
    return send(path).body();
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitValue(String series, double expected) {
    await().atMost(Duration.ofSeconds(20)).until(() -> scrape(series) == expected);
  }

  private double scrape(String series) {
    return MetricsEndpoint.at(agent.httpAddress()).value(series);
  }

  private static final String R1_FLOW =
      "device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\",peer=\"200.0.0.1\"";
  private static final String R2_FLOW =
      "device=\"R2\",flow=\"200.0.0.1/32:47->100.0.0.1/32:47\",peer=\"100.0.0.1\"";

  @Test
  void watchesTheReferenceTopology() throws Exception {
    start(Map.of(), Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String metrics = get("/metrics");
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}"))
                  .hasValue(1.0);
            });
    String metrics = get("/metrics");
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_tunnel_up{device=\"R1\",tunnel=\"Tunnel10\"}"))
        .hasValue(1.0);
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_tunnel_up{device=\"R2\",tunnel=\"Tunnel12\"}"))
        .hasValue(1.0);
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_ike_sa_up{device=\"R1\",peer=\"200.0.0.1\"}"))
        .hasValue(1.0);
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_ike_sa_up{device=\"R2\",peer=\"100.0.0.1\"}"))
        .hasValue(1.0);
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_device_cpu_ratio{device=\"R1\",window=\"1m\"}"))
        .isPresent();
    assertThat(metrics)
        .contains("tunnelwatch_polls_total{source=\"ssh\"}")
        .contains("jvm_memory_used_bytes");

    double encryptedBefore = scrape("tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW + "}");
    labClock.advance(Duration.ofSeconds(20));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String later = get("/metrics");
              double r1Encrypted =
                  MetricsEndpoint.value(
                          later, "tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW + "}")
                      .orElseThrow();
              double r2Decrypted =
                  MetricsEndpoint.value(
                          later, "tunnelwatch_ipsec_packets_decrypted_total{" + R2_FLOW + "}")
                      .orElseThrow();
              assertThat(r1Encrypted).isGreaterThan(encryptedBefore);
              // What R1 encrypts, R2 decrypts.
              assertThat(r2Decrypted).isEqualTo(r1Encrypted);
            });
  }

  @Test
  void servesProbeReadinessAndTheStatusPage() throws Exception {
    start(Map.of(), Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(20)).until(() -> send("/-/ready").statusCode() == 200);

    String probe = get("/probe?target=R1");
    assertThat(probe).contains("device=\"R1\"").doesNotContain("device=\"R2\"");
    assertThat(send("/probe?target=R3").statusCode()).isEqualTo(404);
    assertThat(send("/probe").statusCode()).isEqualTo(400);
    assertThat(send("/-/healthy").statusCode()).isEqualTo(200);

    String page = get("/");
    assertThat(page)
        .contains("Tunnel10")
        .contains("Tunnel12")
        .contains("QM_IDLE")
        .contains("100.0.0.1/32:47-&gt;200.0.0.1/32:47")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aWrongPasswordAffectsOnlyThatDeviceAndIsNeverShown() throws Exception {
    start(Map.of("R2", WRONG_PASSWORD), Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String metrics = get("/metrics");
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}"))
                  .hasValue(0.0);
              // The series exists at 0 from the start; the wrong password must have counted.
              assertThat(
                      MetricsEndpoint.value(
                              metrics,
                              "tunnelwatch_poll_failures_total{reason=\"authentication\",source=\"ssh\"}")
                          .orElse(0))
                  .isPositive();
            });
    String everything = get("/metrics") + get("/") + get("/probe?target=R2");
    assertThat(everything).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
    // Several failed polls by now, but the failure is logged once, without any password.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                scrape("tunnelwatch_poll_failures_total{reason=\"authentication\",source=\"ssh\"}")
                    >= 3);
    List<String> r2Warnings =
        logs.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("R2:"))
            .toList();
    assertThat(r2Warnings).hasSize(1);
    assertThat(r2Warnings.get(0)).contains("authentication").contains(USER);
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(WRONG_PASSWORD) || m.contains(PASSWORD));
  }

  @Test
  void anUnreachableDeviceAffectsOnlyThatDevice() throws Exception {
    start(Map.of(), Duration.ofSeconds(5));
    awaitValue("tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}", 1.0);

    lab.router("R2").stopSsh();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String metrics = get("/metrics");
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}"))
                  .hasValue(0.0);
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_tunnel_up{device=\"R2\",tunnel=\"Tunnel12\"}"))
                  .hasValue(1.0);
            });

    lab.router("R2").startSsh();
    awaitValue("tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}", 1.0);
  }

  @Test
  void aHangingCommandAffectsOnlyThatDeviceWhichKeepsItsLastGoodData() throws Exception {
    start(Map.of(), Duration.ofSeconds(1));
    awaitValue("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}", 1.0);
    double r1LastSuccess =
        scrape("tunnelwatch_device_last_success_timestamp_seconds{device=\"R1\",source=\"ssh\"}");

    lab.router("R1").hangCommand("show crypto ipsec sa");

    awaitValue("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}", 0.0);
    double r2Before =
        scrape("tunnelwatch_device_last_success_timestamp_seconds{device=\"R2\",source=\"ssh\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String metrics = get("/metrics");
              assertThat(
                      MetricsEndpoint.value(
                              metrics,
                              "tunnelwatch_device_last_success_timestamp_seconds{device=\"R2\",source=\"ssh\"}")
                          .orElse(Double.NaN))
                  .isGreaterThan(r2Before);
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}"))
                  .hasValue(1.0);
              // R1's last good data stays, with the time it was collected.
              assertThat(
                      MetricsEndpoint.value(
                          metrics, "tunnelwatch_tunnel_up{device=\"R1\",tunnel=\"Tunnel10\"}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                              metrics,
                              "tunnelwatch_device_last_success_timestamp_seconds{device=\"R1\",source=\"ssh\"}")
                          .orElse(Double.NaN))
                  .isGreaterThanOrEqualTo(r1LastSuccess);
              assertThat(
                      MetricsEndpoint.value(
                          metrics,
                          "tunnelwatch_poll_failures_total{reason=\"timeout\",source=\"ssh\"}"))
                  .isPresent();
            });

    lab.router("R1").clearCommandFaults();
    awaitValue("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}", 1.0);
  }
}
