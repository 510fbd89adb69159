package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.MetricContract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dispatch logic against JDK HTTP servers standing in for Alertmanager's v2 endpoint. */
class AlertDispatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private final AgentMetrics metrics = AgentMetrics.unregistered();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<AlertDispatcher> dispatchers = new ArrayList<>();

  /** One fake Alertmanager: records every alert posted, optionally holding requests. */
  private final class Receiver {
    final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    final CountDownLatch release;
    final URI url;

    Receiver(CountDownLatch release) throws IOException {
      this.release = release;
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/api/v2/alerts",
          exchange -> {
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            JSON.readTree(exchange.getRequestBody()).forEach(alerts::add);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      servers.add(server);
      url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
  }

  @AfterEach
  void stop() {
    dispatchers.forEach(AlertDispatcher::close);
    servers.forEach(s -> s.stop(0));
  }

  private AlertDispatcher dispatcher(List<URI> urls) {
    AlertDispatcher d =
        new AlertDispatcher(
            urls,
            Duration.ofHours(1),
            new AlertLinks("https://docs.example.net/runbook.md", "http://monitor1:9417/"),
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200)),
            HttpClient.newHttpClient(),
            metrics,
            OutboxJournal.none());
    dispatchers.add(d);
    return d;
  }

  private static Event event(EventKind kind, EventStatus status, Instant at, String summary) {
    return new Event(
        at,
        ObjectRef.peer("R1", "200.0.0.1"),
        kind,
        status,
        kind.defaultSeverity(),
        summary,
        List.of());
  }

  @Test
  void everyAlertmanagerGetsEveryAlertAndOccurrencesAreNotAlerts() throws IOException {
    Receiver first = new Receiver(new CountDownLatch(0));
    Receiver second = new Receiver(new CountDownLatch(0));
    AlertDispatcher dispatcher = dispatcher(List.of(first.url, second.url));

    dispatcher.onEvent(event(EventKind.IKE_REKEY, EventStatus.OCCURRED, T0, "rekey"));
    dispatcher.onEvent(event(EventKind.PHASE2_FAILURE, EventStatus.OPENED, T0, "UP-IDLE"));

    await().atMost(Duration.ofSeconds(10)).until(() -> second.alerts.size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> first.alerts.size() == 1);
    assertThat(first.alerts.get(0).path("labels").path("alertname").asText())
        .isEqualTo("TunnelwatchPhase2Failure");
    assertThat(second.alerts.get(0)).isEqualTo(first.alerts.get(0));
  }

  @Test
  void aConditionReportedOpenAgainKeepsItsFirstStart() throws IOException {
    Receiver am = new Receiver(new CountDownLatch(0));
    AlertDispatcher dispatcher = dispatcher(List.of(am.url));

    dispatcher.onEvent(event(EventKind.PHASE1_FAILURE, EventStatus.OPENED, T0, "first"));
    await().atMost(Duration.ofSeconds(10)).until(() -> am.alerts.size() == 1);
    dispatcher.onEvent(
        event(EventKind.PHASE1_FAILURE, EventStatus.OPENED, T0.plusSeconds(60), "again"));
    await().atMost(Duration.ofSeconds(10)).until(() -> am.alerts.size() == 2);

    assertThat(am.alerts.get(1).path("startsAt").asText()).isEqualTo(T0.toString());
    assertThat(am.alerts.get(1).path("annotations").path("description").asText())
        .startsWith("Again.");
  }

  @Test
  void onEventReturnsWhileAlertmanagerHangs() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    Receiver hanging = new Receiver(release);
    AlertDispatcher dispatcher = dispatcher(List.of(hanging.url));

    for (int i = 0; i < 200; i++) {
      dispatcher.onEvent(
          new Event(
              T0.plusSeconds(i),
              ObjectRef.tunnel("R1", "Tunnel" + i),
              EventKind.TUNNEL_DOWN,
              EventStatus.OPENED,
              Severity.CRITICAL,
              "down " + i,
              List.of()));
    }
    // All 200 calls returned although the first POST is still held by the receiver.
    assertThat(release.getCount()).isEqualTo(1);
    assertThat(hanging.alerts).isEmpty();
    assertThat(dispatcher.firing()).hasSize(200);

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> hanging.alerts.size() == 200);
    // The receiver holds the alerts before the dispatcher has counted the reply.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(metrics.sum(MetricContract.NOTIFICATIONS_SENT)).isEqualTo(200.0));
  }
}
