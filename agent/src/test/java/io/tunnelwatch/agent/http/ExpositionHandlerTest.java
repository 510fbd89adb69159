package io.tunnelwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.events.Router;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streamed exposition on a real JDK HTTP server: what it writes in sections must still be one
 * valid exposition (each family once, all its samples together), gzipped when asked, chunked.
 */
class ExpositionHandlerTest {

  private static final int DEVICES = 300;

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    DeviceStates states = new DeviceStates();
    Instant at = Instant.parse("2026-12-03T06:00:00Z");
    DeviceSnapshot template = new Router().at(at);
    for (int i = 0; i < DEVICES; i++) {
      String device = "D" + i;
      states.register(device, List.of(Source.SSH));
      DeviceSnapshot snapshot =
          new DeviceSnapshot(
              device,
              template.source(),
              template.collectedAt(),
              template.tunnels(),
              template.ikeSas(),
              template.ipsecFlows(),
              template.cpu(),
              template.uptime(),
              template.failureCounters(),
              template.failures());
      states.publish(states.recordSourceSuccess(snapshot, Duration.ofMillis(20)), Map.of());
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("agent_side_total").help("a family of the registry").register(registry);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", new ExpositionHandler(registry, states, device -> true));
    server.createContext(
        "/even",
        new ExpositionHandler(registry, states, d -> Integer.parseInt(d.substring(1)) % 2 == 0));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<byte[]> get(String path, String method, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static long count(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void everyFamilyAppearsOnceWithAllItsSamplesTogether() throws Exception {
    HttpResponse<byte[]> response = get("/metrics", "GET");
    String text = new String(response.body(), StandardCharsets.UTF_8);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    // Written as it is produced: no length known up front.
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(count(text, "^# TYPE agent_side_total counter$")).isEqualTo(1);
    for (String family :
        List.of(
            "tunnelwatch_device_up",
            "tunnelwatch_tunnel_up",
            "tunnelwatch_ike_sa_up",
            "tunnelwatch_ipsec_sa_up")) {
      assertThat(count(text, "^# TYPE " + family + " gauge$")).as(family).isEqualTo(1);
      assertThat(count(text, "^" + family + "\\{")).as(family).isEqualTo(DEVICES);
    }
    // Each family's TYPE line comes once, and its samples follow it before the next family.
    Set<String> families = new HashSet<>();
    String current = "";
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        current = line.split(" ")[2];
        assertThat(families.add(current)).as("second TYPE line for %s", current).isTrue();
      } else if (!line.startsWith("#")) {
        assertThat(line).as("a sample outside its family").startsWith(current);
      }
    }
    assertThat(families).hasSizeGreaterThan(20);
  }

  @Test
  void aClientThatAcceptsGzipGetsTheSameTextCompressed() throws Exception {
    String plain = new String(get("/metrics", "GET").body(), StandardCharsets.UTF_8);
    HttpResponse<byte[]> zipped = get("/metrics", "GET", "Accept-Encoding", "gzip");

    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.length() / 5);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }
  }

  @Test
  void aFilteredScrapeCarriesOnlyItsDevices() throws Exception {
    String text = new String(get("/even", "GET").body(), StandardCharsets.UTF_8);

    assertThat(count(text, "^tunnelwatch_tunnel_up\\{")).isEqualTo(DEVICES / 2);
    assertThat(text).contains("device=\"D2\"").doesNotContain("device=\"D1\"");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<byte[]> response = get("/metrics", "HEAD");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }
}
