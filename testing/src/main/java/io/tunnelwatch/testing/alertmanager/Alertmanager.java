package io.tunnelwatch.testing.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.Daemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code prometheus-alertmanager} for one test: a free loopback port, no clustering,
 * storage in a temporary directory; stopped by its PID on {@link #close()}.
 */
public final class Alertmanager implements AutoCloseable {

  /** A route to a receiver that notifies nobody, grouping for one second. */
  private static final String BLACKHOLE =
      """
      route:
        receiver: blackhole
        group_wait: 1s
      receivers:
        - name: blackhole
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Daemon daemon;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private Alertmanager(Daemon daemon, URI base) {
    this.daemon = daemon;
    this.base = base;
  }

  /** Starts Alertmanager in {@code workDir} with a route that notifies nobody. */
  public static Alertmanager start(Path workDir) throws IOException {
    return startOnPort(workDir, FreePorts.tcp());
  }

  /**
   * As {@link #start(Path)}, on {@code port}: for tests that point a client at the address before
   * Alertmanager is up.
   */
  public static Alertmanager startOnPort(Path workDir, int port) throws IOException {
    Files.createDirectories(workDir);
    Path config = workDir.resolve("alertmanager.yml");
    Files.writeString(config, BLACKHOLE);
    return launch(workDir, config, port);
  }

  /** Starts Alertmanager in {@code workDir} with {@code config}; waits until it is ready. */
  public static Alertmanager start(Path workDir, Path config) throws IOException {
    return launch(workDir, config, FreePorts.tcp());
  }

  private static Alertmanager launch(Path workDir, Path config, int port) throws IOException {
    Files.createDirectories(workDir);
    URI base = URI.create("http://127.0.0.1:" + port);
    Daemon daemon =
        Daemon.start(
                List.of(
                    "prometheus-alertmanager",
                    "--config.file=" + config,
                    "--storage.path=" + workDir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=",
                    "--log.level=warn"),
                workDir.resolve("alertmanager.log"))
            .awaitReady(() -> HttpGet.ok(base.resolve("/-/ready")), Duration.ofSeconds(30));
    return new Alertmanager(daemon, base);
  }

  public URI url() {
    return base;
  }

  public String logText() {
    return daemon.logText();
  }

  /** Posts alerts (one label set each) as Prometheus would, through {@code /api/v2/alerts}. */
  public void post(List<Map<String, String>> labelSets) {
    ArrayNode body = JSON.createArrayNode();
    for (Map<String, String> labels : labelSets) {
      ObjectNode alert = body.addObject();
      ObjectNode l = alert.putObject("labels");
      labels.forEach(l::put);
    }
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "alertmanager refused alerts: " + response.statusCode() + " " + response.body());
    }
  }

  /** The body of {@code GET /api/v2/alerts}. */
  public String alertsJson() {
    return HttpGet.body(base.resolve("/api/v2/alerts"));
  }

  /** {@code /api/v2/alerts}: every alert with its {@code status.state} and {@code inhibitedBy}. */
  public JsonNode alerts() {
    try {
      return JSON.readTree(alertsJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The alerts whose {@code status.state} is {@code active}. */
  public List<JsonNode> activeAlerts() {
    List<JsonNode> active = new ArrayList<>();
    for (JsonNode alert : alerts()) {
      if (alert.path("status").path("state").asText().equals("active")) {
        active.add(alert);
      }
    }
    return active;
  }

  /** The first active alert named {@code alertname} whose {@code label} is {@code value}. */
  public Optional<JsonNode> activeAlert(String alertname, String label, String value) {
    return activeAlerts().stream()
        .filter(a -> a.path("labels").path("alertname").asText().equals(alertname))
        .filter(a -> a.path("labels").path(label).asText().equals(value))
        .findFirst();
  }

  /** Alertmanager's own count of alerts received through the v2 API with that status. */
  public double received(String status) {
    Matcher m =
        Pattern.compile(
                "^alertmanager_alerts_received_total\\{status=\""
                    + status
                    + "\",version=\"v2\"} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(HttpGet.body(base.resolve("/metrics")));
    if (!m.find()) {
      throw new AssertionError("alertmanager_alerts_received_total not found for " + status);
    }
    return Double.parseDouble(m.group(1));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    daemon.close();
  }
}
