package io.tunnelwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.diagnose.DiagnoseService;
import io.tunnelwatch.agent.diagnose.Diagnosis;
import io.tunnelwatch.agent.diagnose.Rung;
import io.tunnelwatch.agent.diagnose.RungResult;
import io.tunnelwatch.agent.diagnose.RungStatus;
import io.tunnelwatch.agent.diagnose.TunnelDiagnosis;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.http.security.WebSecurity;
import io.tunnelwatch.agent.http.status.StatusPageSources;
import io.tunnelwatch.agent.poll.DeviceStates;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /diagnose} over HTTP: formats, one diagnosis per device, bounded in all, bad queries. */
class DiagnoseHandlerIT {

  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();
  private AgentHttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private static Diagnosis phase1Failure(String device, Optional<String> peer) {
    RungResult failed =
        new RungResult(
            Rung.PHASE1,
            RungStatus.FAILED,
            "the ISAKMP SA with 200.0.0.1 is MM_NO_STATE, not QM_IDLE",
            List.of("200.0.0.1       100.0.0.1       MM_NO_STATE       1001 ACTIVE"),
            Optional.of("pre-shared keys differ between R1 and R2 for peer 200.0.0.1 <script>"),
            Optional.of("make them equal"));
    return new Diagnosis(
        device,
        Instant.parse("2026-12-03T09:00:00Z"),
        List.of(
            new TunnelDiagnosis(
                device,
                Optional.of("Tunnel10"),
                peer.orElse("200.0.0.1"),
                List.of(failed),
                Optional.of("R2"),
                List.of())),
        List.of(),
        List.of());
  }

  private void start(DiagnoseService service) throws Exception {
    Clock clock = Clock.systemUTC();
    EventTracker events =
        new EventTracker(Map.of(), new EventFanout(List.of()), clock, DeviceStateStore.none());
    server =
        new AgentHttpServer(
            new InetSocketAddress("127.0.0.1", 0),
            new PrometheusRegistry(),
            new DeviceStates(),
            events,
            clock,
            ConfigReload.UNAVAILABLE,
            service,
            WebSecurity.NONE,
            StatusPageSources.defaults(events));
  }

  private HttpRequest.Builder get(String pathAndQuery) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDiagnosisIsHtmlForPeopleAndJsonForMachines() throws Exception {
    start(
        (device, peer) -> {
          if (!device.equals("R1")) {
            throw new IllegalArgumentException("no device " + device + " in the configuration");
          }
          return phase1Failure(device, peer);
        });

    HttpResponse<String> html = send(get("/diagnose?target=R1&peer=200.0.0.1"));
    HttpResponse<String> json =
        send(get("/diagnose?target=R1").header("Accept", "application/json"));

    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(html.body())
        .contains("Tunnel10 to 200.0.0.1 (R2): fails at rung 4")
        .contains("for peer 200.0.0.1 &lt;script&gt;")
        .doesNotContain("<script>");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.body()).contains("\"failing_rung\" : \"phase1\"");
    assertThat(send(get("/diagnose?target=R9")).statusCode()).isEqualTo(404);
    assertThat(send(get("/diagnose")).statusCode()).isEqualTo(400);
    assertThat(send(get("/diagnose?target=R1&target=R2")).statusCode()).isEqualTo(400);
    assertThat(send(get("/diagnose?target=R1")).statusCode()).isEqualTo(200);
  }

  @Test
  void oneDiagnosisRunsPerDeviceAndAFewInAllTheRestAreRefusedAtOnce() throws Exception {
    start(
        (device, peer) -> {
          started.incrementAndGet();
          release.await(20, TimeUnit.SECONDS);
          return phase1Failure(device, peer);
        });

    CompletableFuture<HttpResponse<String>> first =
        client.sendAsync(get("/diagnose?target=R1").build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
    HttpResponse<String> sameDevice = send(get("/diagnose?target=R1"));
    CompletableFuture<HttpResponse<String>> second =
        client.sendAsync(get("/diagnose?target=R2").build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
    HttpResponse<String> third = send(get("/diagnose?target=R3"));
    HttpResponse<String> health = send(get("/-/healthy"));
    release.countDown();

    assertThat(sameDevice.statusCode()).isEqualTo(429);
    assertThat(sameDevice.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(send(get("/diagnose?target=R1")).statusCode()).isEqualTo(200);
  }
}
