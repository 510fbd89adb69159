package io.tunnelwatch.agent.prometheus;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} for one test: free loopback port, no clustering, storage
 * in a temporary directory; stopped by its PID on {@link #close()}.
 */
final class AlertmanagerServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private AlertmanagerServer(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  static AlertmanagerServer start(Path workDir, Path config) throws IOException {
    Files.createDirectories(workDir);
    int port;
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      port = socket.getLocalPort();
    }
    Path log = workDir.resolve("alertmanager.log");
    Process process =
        new ProcessBuilder(
                ExternalTool.binary("prometheus-alertmanager").toString(),
                "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    AlertmanagerServer server =
        new AlertmanagerServer(process, log, URI.create("http://127.0.0.1:" + port));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .failFast("alertmanager exited; see " + log, () -> !process.isAlive())
          .until(server::ready);
    } catch (RuntimeException e) {
      server.close();
      throw new IllegalStateException("alertmanager did not start: " + server.logText(), e);
    }
    return server;
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Posts alerts (one label set each) as Prometheus would, through {@code /api/v2/alerts}. */
  void post(List<Map<String, String>> labelSets) {
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

  /** {@code /api/v2/alerts}: every alert with its {@code status.state} and {@code inhibitedBy}. */
  JsonNode alerts() {
    try {
      return JSON.readTree(
          send(HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).build()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean ready() {
    try {
      return http.send(
                  HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
