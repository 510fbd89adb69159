package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.MetricContract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook against a JDK HTTP server that records what it receives. */
class WebhookSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200));

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final AgentMetrics metrics = new AgentMetrics(registry);
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private final AtomicInteger statusWhenFailing = new AtomicInteger(503);
  private HttpServer server;
  private WebhookSink sink;

  private URI startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = 200;
          if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = statusWhenFailing.get();
          } else {
            received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    if (sink != null) {
      sink.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static Event rekey(int n) {
    return new Event(
        Instant.parse("2026-11-28T10:00:00Z").plusSeconds(n),
        ObjectRef.peer("R1", "200.0.0.1"),
        EventKind.IKE_REKEY,
        EventStatus.OCCURRED,
        Severity.INFO,
        "rekey " + n,
        List.of(new Evidence("conn_id", String.valueOf(n), String.valueOf(n + 1))));
  }

  @Test
  void everyEventIsPostedOnceInOrderAcrossReceiverErrors() throws IOException {
    URI url = startReceiver();
    failuresToServe.set(3);
    sink = new WebhookSink(url, HttpClient.newHttpClient(), FAST_RETRY, metrics);

    for (int i = 0; i < 5; i++) {
      sink.onEvent(rekey(i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
    assertThat(received)
        .extracting(j -> j.get("summary").asText())
        .containsExactly("rekey 0", "rekey 1", "rekey 2", "rekey 3", "rekey 4");
    JsonNode first = received.get(0);
    assertThat(first.get("kind").asText()).isEqualTo("ike_rekey");
    assertThat(first.get("status").asText()).isEqualTo("occurred");
    assertThat(first.get("device").asText()).isEqualTo("R1");
    assertThat(first.get("peer").asText()).isEqualTo("200.0.0.1");
    assertThat(first.get("evidence").get(0).get("after").asText()).isEqualTo("1");
    // The receiver has the last event before the sender has counted its reply.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(metrics.sum(MetricContract.NOTIFICATIONS_FAILED)).isEqualTo(3.0);
              assertThat(metrics.sum(MetricContract.NOTIFICATIONS_SENT)).isEqualTo(5.0);
              assertThat(metrics.sum(MetricContract.NOTIFICATIONS_QUEUED)).isZero();
            });
  }

  @Test
  void aRejectedEventIsDroppedAndCountedNotRetriedForever() throws IOException {
    URI url = startReceiver();
    failuresToServe.set(1);
    statusWhenFailing.set(400);
    sink = new WebhookSink(url, HttpClient.newHttpClient(), FAST_RETRY, metrics);

    sink.onEvent(rekey(0));
    sink.onEvent(rekey(1));

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
    assertThat(received).extracting(j -> j.get("summary").asText()).containsExactly("rekey 1");
    assertThat(metrics.sum(MetricContract.NOTIFICATIONS_DROPPED)).isEqualTo(1.0);
  }

  @Test
  void credentialsInTheUrlStayOutOfMetricTags() throws IOException {
    URI url = startReceiver();
    URI withSecret =
        URI.create(
            "http://user:hunter2-pw@127.0.0.1:" + url.getPort() + "/hook?token=hunter2-token");
    sink = new WebhookSink(withSecret, HttpClient.newHttpClient(), FAST_RETRY, metrics);

    assertThat(registry.scrape())
        .filteredOn(m -> m.getMetadata().getName().startsWith("tunnelwatch_notifications"))
        .flatExtracting(MetricSnapshot::getDataPoints)
        .isNotEmpty()
        .allSatisfy(
            p -> assertThat(p.getLabels().toString()).doesNotContain("hunter2").contains("/hook"));
  }
}
