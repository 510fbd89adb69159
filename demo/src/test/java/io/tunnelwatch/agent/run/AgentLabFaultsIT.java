package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected through the lab's control API (real HTTP) reach the agent's metrics through its
 * real SSH polls: the lab's fault states are outputs the agent's parsers understand.
 */
class AgentLabFaultsIT {
  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "fault-pass-71d2";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final ManualClock labClock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningLab lab;
  private Agent agent;
  private String control;

  @BeforeEach
  void start() throws Exception {
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials(USER, PASSWORD)
                .clock(labClock)
                .controlAddress(new InetSocketAddress("127.0.0.1", 0))
                .build());
    control = "http://127.0.0.1:" + lab.controlAddress().orElseThrow().getPort() + "/routers";
    agent =
        Agent.start(
            DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(1), dir));
    awaitValue("tunnelwatch_ike_sa_up{device=\"R1\",peer=\"200.0.0.1\"}", 1.0);
  }

  @AfterEach
  void stop() {
    agent.close();
    lab.close();
  }

  @Test
  void phase1FailureShowsAsNegotiatingStatesAndNoSas() throws Exception {
    assertThat(labControl("POST", "/R1/faults/psk_mismatch")).isEqualTo(200);
    awaitValue(
        "tunnelwatch_ike_sa_state{device=\"R1\",peer=\"200.0.0.1\",state=\"MM_KEY_EXCH\"}", 1.0);
    awaitValue(
        "tunnelwatch_ike_sa_state{device=\"R2\",peer=\"100.0.0.1\",state=\"MM_NO_STATE\"}", 1.0);
    String metrics = metrics();
    assertThat(
            MetricsEndpoint.value(
                metrics, "tunnelwatch_ike_sa_up{device=\"R2\",peer=\"100.0.0.1\"}"))
        .hasValue(0.0);
    assertThat(
            MetricsEndpoint.value(
                metrics,
                "tunnelwatch_ipsec_sa_up{device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\","
                    + "peer=\"200.0.0.1\"}"))
        .hasValue(0.0);

    assertThat(labControl("DELETE", "/R1/faults/psk_mismatch")).isEqualTo(200);
    awaitValue("tunnelwatch_ike_sa_up{device=\"R1\",peer=\"200.0.0.1\"}", 1.0);
  }

  @Test
  void tunnelDownAndHighCpuShowInTheirMetrics() throws Exception {
    labControl("POST", "/R2/faults/tunnel_down");
    labControl("POST", "/R2/faults/high_cpu");
    // The five-second CPU figure is pinned once five simulated seconds have passed.
    labClock.advance(Duration.ofSeconds(5));
    awaitValue("tunnelwatch_tunnel_up{device=\"R1\",tunnel=\"Tunnel10\"}", 0.0);
    awaitValue("tunnelwatch_tunnel_up{device=\"R2\",tunnel=\"Tunnel12\"}", 0.0);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        MetricsEndpoint.value(
                                metrics(),
                                "tunnelwatch_device_cpu_ratio{device=\"R2\",window=\"5s\"}")
                            .orElse(0))
                    .isBetween(0.93, 0.97));
  }

  private int labControl(String method, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(control + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String metrics() {
    return MetricsEndpoint.at(agent.httpAddress()).text();
  }

  private void awaitValue(String series, double expected) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(MetricsEndpoint.value(metrics(), series)).hasValue(expected));
  }
}
