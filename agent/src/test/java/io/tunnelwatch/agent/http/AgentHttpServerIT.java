package io.tunnelwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.core.model.Source;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's HTTP server on a real socket, against clients that misbehave. */
class AgentHttpServerIT {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Socket> sockets = new ArrayList<>();
  private AgentHttpServer server;

  @BeforeEach
  void start() throws IOException {
    DeviceStates states = new DeviceStates();
    states.register("R1", List.of(Source.SSH));
    states.register("R2", List.of(Source.SSH));
    Clock clock = Clock.systemUTC();
    server =
        new AgentHttpServer(
            new InetSocketAddress("127.0.0.1", 0),
            new PrometheusRegistry(),
            states,
            new EventTracker(Map.of(), new EventFanout(List.of()), clock, DeviceStateStore.none()),
            clock);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
  }

  private HttpResponse<String> send(String method, String pathAndQuery)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(3))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readEndpointsAnswerOnlyGetAndHead() throws Exception {
    for (String path : List.of("/metrics", "/probe?target=R1", "/-/healthy", "/-/ready", "/")) {
      HttpResponse<String> post = send("POST", path);
      assertThat(post.statusCode()).as("POST %s", path).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
      assertThat(send("TRACE", path).statusCode()).as("TRACE %s", path).isEqualTo(405);
    }
    assertThat(send("HEAD", "/-/healthy").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/probe?target=R1").statusCode()).isEqualTo(200);
  }

  @Test
  void probeTakesExactlyOneTarget() throws Exception {
    HttpResponse<String> two = send("GET", "/probe?target=R1&target=R2");
    HttpResponse<String> none = send("GET", "/probe");

    assertThat(two.statusCode()).isEqualTo(400);
    assertThat(two.body()).contains("exactly one");
    assertThat(two.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(none.statusCode()).isEqualTo(400);
  }

  @Test
  void theShardsOfTheFleetHoldEveryDeviceOnceAndNothingOfTheAgentItself() throws Exception {
    List<String> devices = new ArrayList<>();
    for (int shard = 0; shard < 2; shard++) {
      HttpResponse<String> part = send("GET", "/probe?shard=" + shard + "&of=2");
      assertThat(part.statusCode()).isEqualTo(200);
      part.body()
          .lines()
          .filter(line -> line.startsWith("tunnelwatch_device_up{"))
          .map(line -> line.replaceAll(".*device=\"([^\"]+)\".*", "$1"))
          .forEach(devices::add);
      assertThat(part.body()).doesNotContain("tunnelwatch_poll_schedule_lag");
    }

    assertThat(devices).containsExactlyInAnyOrder("R1", "R2");
  }

  @Test
  void aShardOutsideTheFleetOrMixedWithATargetIsRefusedInPlainText() throws Exception {
    for (String query :
        List.of("shard=2&of=2", "shard=-1&of=2", "shard=0&of=0", "shard=x&of=2", "shard=0")) {
      HttpResponse<String> response = send("GET", "/probe?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; charset=utf-8");
    }
    assertThat(send("GET", "/probe?target=R1&shard=0&of=2").statusCode()).isEqualTo(400);
  }

  @Test
  void clientsThatSendOneByteAndFallSilentStarveNothingAndAreCutOff() throws Exception {
    for (int i = 0; i < 8; i++) {
      Socket socket = new Socket("127.0.0.1", server.address().getPort());
      socket.getOutputStream().write('G');
      socket.getOutputStream().flush();
      sockets.add(socket);
    }

    assertThat(send("GET", "/-/healthy").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
    await()
        .atMost(RequestTimeouts.MAX_REQUEST_TIME.plusSeconds(5))
        .until(() -> sockets.stream().allMatch(AgentHttpServerIT::closedByServer));
  }

  /** True once the server has ended the silent request: closed, reset or answered it. */
  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(100);
      socket.getInputStream().read();
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
