package io.tunnelwatch.testing.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback that keeps every notification Alertmanager sends it, as the pager
 * or chat integration behind a receiver would get them. The path names the receiver ({@code
 * /alerts/pager}).
 */
public final class NotificationRecorder implements AutoCloseable {

  /** The most a test notification may be: Alertmanager's webhook bodies are a few KiB. */
  private static final int MAX_BODY = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One webhook call.
   *
   * @param path the URL path it was posted to, naming the receiver
   * @param status {@code firing} or {@code resolved}
   * @param groupLabels the labels the group is keyed on
   * @param alerts the alerts it carries, as Alertmanager wrote them
   */
  public record Notification(
      String path, String status, Map<String, String> groupLabels, List<JsonNode> alerts) {

    /** The group a notification belongs to: its receiver and group labels. */
    public String group() {
      return path + " " + groupLabels;
    }

    public List<String> alertNames() {
      return alerts.stream().map(a -> a.path("labels").path("alertname").asText()).toList();
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  private NotificationRecorder(HttpServer server) {
    this.server = server;
  }

  public static NotificationRecorder start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    NotificationRecorder recorder = new NotificationRecorder(server);
    server.createContext("/", recorder::record);
    server.setExecutor(recorder.executor);
    server.start();
    return recorder;
  }

  /** The base URL to put in place of the receivers' host and port. */
  /**
   * An Alertmanager configuration that sends every notification here, grouped by {@code groupBy},
   * quickly (group wait 1 s, interval 2 s) and repeated only after an hour, resolves included.
   */
  public String routingAll(List<String> groupBy) {
    return String.join(
        "\n",
        "route:",
        "  receiver: recorder",
        "  group_by: [" + String.join(", ", groupBy) + "]",
        "  group_wait: 1s",
        "  group_interval: 2s",
        "  repeat_interval: 1h",
        "receivers:",
        "  - name: recorder",
        "    webhook_configs:",
        "      - url: " + url() + "/alerts/recorder",
        "        send_resolved: true",
        "");
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Notification> all() {
    return List.copyOf(received);
  }

  public List<Notification> firing() {
    return received.stream().filter(n -> n.status().equals("firing")).toList();
  }

  public List<Notification> resolved() {
    return received.stream().filter(n -> n.status().equals("resolved")).toList();
  }

  /** Forgets what was received, between the cases of a test. */
  public void clear() {
    received.clear();
  }

  private void record(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY);
      }
      JsonNode json = JSON.readTree(body);
      Map<String, String> groupLabels = new TreeMap<>();
      json.path("groupLabels")
          .properties()
          .forEach(e -> groupLabels.put(e.getKey(), e.getValue().asText()));
      List<JsonNode> alerts = new ArrayList<>();
      json.path("alerts").forEach(alerts::add);
      received.add(
          new Notification(
              exchange.getRequestURI().getPath(),
              json.path("status").asText(),
              groupLabels,
              List.copyOf(alerts)));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
