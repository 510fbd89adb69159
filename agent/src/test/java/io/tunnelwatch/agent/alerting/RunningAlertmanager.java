package io.tunnelwatch.agent.alerting;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Alertmanager (Debian {@code prometheus-alertmanager}) on a loopback port, with its
 * storage in a temporary directory, no clustering, and a receiver that notifies nobody.
 */
final class RunningAlertmanager implements AutoCloseable {

  private static final String CONFIG =
      """
      route:
        receiver: blackhole
        group_wait: 1s
      receivers:
        - name: blackhole
      """;

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningAlertmanager(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static RunningAlertmanager start(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, CONFIG);
    Process process =
        new ProcessBuilder(
                "prometheus-alertmanager",
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    RunningAlertmanager am = new RunningAlertmanager(process, port);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> am.get("/-/ready").statusCode() == 200);
    return am;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Alertmanager's own count of alerts received through the v2 API with that status. */
  double received(String status) throws IOException, InterruptedException {
    Matcher m =
        Pattern.compile(
                "^alertmanager_alerts_received_total\\{status=\""
                    + status
                    + "\",version=\"v2\"} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(get("/metrics").body());
    if (!m.find()) {
      throw new AssertionError("alertmanager_alerts_received_total not found for " + status);
    }
    return Double.parseDouble(m.group(1));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
