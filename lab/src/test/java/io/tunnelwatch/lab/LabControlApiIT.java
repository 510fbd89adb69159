package io.tunnelwatch.lab;

import static io.tunnelwatch.lab.FaultLab.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API over real HTTP, with the effect of its calls checked over SSH. */
class LabControlApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FaultLab lab;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    lab =
        new FaultLab(
            LabOptions.builder().controlAddress(new InetSocketAddress("127.0.0.1", 0)).build());
    InetSocketAddress address = lab.lab.controlAddress().orElseThrow();
    assertThat(address.getPort()).isPositive();
    base = "http://127.0.0.1:" + address.getPort();
    lab.advance(60);
  }

  @AfterEach
  void stop() throws Exception {
    lab.close();
  }

  private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  private Answer call(String method, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void listsTheRoutersWithTheirSessions() throws Exception {
    Answer all = call("GET", "/routers");
    assertThat(all.status()).isEqualTo(200);
    JsonNode routers = all.body().get("routers");
    assertThat(routers).hasSize(2);
    assertThat(routers.get(0).get("name").asText()).isEqualTo("R1");
    assertThat(routers.get(1).get("name").asText()).isEqualTo("R2");
    assertThat(routers.get(1).get("ssh").get("port").asInt()).isEqualTo(lab.r2.sshPort());

    JsonNode r1 = call("GET", "/routers/R1").body();
    assertThat(texts(r1.get("activeFaults"))).isEmpty();
    assertThat(r1.get("uptimeSeconds").asLong()).isEqualTo(93_780 + 60);
    JsonNode session = r1.get("sessions").get(0);
    assertThat(session.get("interface").asText()).isEqualTo("Tunnel10");
    assertThat(session.get("peer").asText()).isEqualTo("200.0.0.1");
    assertThat(session.get("status").asText()).isEqualTo("UP-ACTIVE");
    assertThat(session.get("lineProtocol").asText()).isEqualTo("up");
    assertThat(session.get("ike").get("state").asText()).isEqualTo("QM_IDLE");
    assertThat(session.get("ike").get("connId").asInt()).isEqualTo(1001);
    assertThat(session.get("packetsEncrypted").asLong()).isEqualTo(300);
    assertThat(session.get("ipsec").get("outboundSpi").asText())
        .isEqualTo(String.format("0x%08X", lab.r1.snapshot().crypto().outbound().spi()));
  }

  @Test
  void postInjectsAndDeleteHeals() throws Exception {
    Answer injected = call("POST", "/routers/R1/faults/psk_mismatch");
    assertThat(injected.status()).isEqualTo(200);
    assertThat(texts(injected.body().get("activeFaults"))).containsExactly("psk_mismatch");
    assertThat(injected.body().get("sessions").get(0).get("status").asText())
        .isEqualTo("DOWN-NEGOTIATING");
    assertThat(injected.body().get("sessions").get(0).has("ipsec")).isFalse();
    assertThat(injected.body().get("failures").get("phase1").asLong()).isEqualTo(1);
    assertThat(line(lab.c2, "show crypto session", "Session status"))
        .isEqualTo("Session status: DOWN-NEGOTIATING");
    // Injecting again changes nothing.
    assertThat(call("POST", "/routers/R1/faults/psk_mismatch").status()).isEqualTo(200);
    assertThat(lab.r1.activeFaults()).containsExactly(Fault.PSK_MISMATCH);

    Answer healed = call("DELETE", "/routers/R1/faults/psk_mismatch");
    assertThat(healed.status()).isEqualTo(200);
    assertThat(texts(healed.body().get("activeFaults"))).isEmpty();
    assertThat(healed.body().get("sessions").get(0).get("status").asText()).isEqualTo("UP-ACTIVE");
    assertThat(healed.body().get("sessions").get(0).get("ike").get("connId").asInt())
        .isEqualTo(1003);
    assertThat(line(lab.c1, "show crypto session", "Session status"))
        .isEqualTo("Session status: UP-ACTIVE");
  }

  @Test
  void oneShotFaultsHappenOnPost() throws Exception {
    Answer rekeyed = call("POST", "/routers/R2/faults/rekey");
    assertThat(rekeyed.status()).isEqualTo(200);
    assertThat(texts(rekeyed.body().get("activeFaults"))).isEmpty();
    assertThat(rekeyed.body().get("sessions").get(0).get("ike").get("connId").asInt())
        .isEqualTo(1002);

    Answer heal = call("DELETE", "/routers/R2/faults/rekey");
    assertThat(heal.status()).isEqualTo(400);
    assertThat(heal.body().get("error").asText())
        .startsWith(
            "rekey is a one-shot fault and cannot be healed; healable faults: psk_mismatch,");
  }

  @Test
  void unknownRoutersFaultsPathsAndMethodsAreExplained() throws Exception {
    Answer noRouter = call("GET", "/routers/R3");
    assertThat(noRouter.status()).isEqualTo(404);
    assertThat(noRouter.body().get("error").asText())
        .isEqualTo("no router R3; valid routers: R1, R2");
    assertThat(call("POST", "/routers/R9/faults/stall").status()).isEqualTo(404);

    Answer noFault = call("POST", "/routers/R1/faults/gremlins");
    assertThat(noFault.status()).isEqualTo(400);
    assertThat(noFault.body().get("error").asText())
        .isEqualTo(
            "unknown fault gremlins; valid faults: psk_mismatch, isakmp_policy_mismatch,"
                + " acl_mismatch, transform_set_mismatch, rekey, rekey_storm, stall, one_way,"
                + " tunnel_down, reboot, high_cpu");

    Answer put = call("PUT", "/routers/R1/faults/stall");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.raw().headers().firstValue("Allow")).hasValue("POST, DELETE");
    assertThat(put.body().get("error").asText())
        .isEqualTo("PUT is not allowed on /routers/R1/faults/stall; allowed: POST, DELETE");
    Answer postList = call("POST", "/routers");
    assertThat(postList.status()).isEqualTo(405);
    assertThat(postList.raw().headers().firstValue("Allow")).hasValue("GET");
    assertThat(call("DELETE", "/routers/R1").status()).isEqualTo(405);

    Answer nowhere = call("GET", "/switches");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.body().get("error").asText())
        .isEqualTo(
            "no such resource /switches; the API is: GET /routers, GET /routers/{name},"
                + " POST or DELETE /routers/{name}/faults/{fault}");
    assertThat(call("GET", "/routers/R1/faults").status()).isEqualTo(404);
    // None of that changed anything.
    assertThat(lab.r1.activeFaults()).isEmpty();
    assertThat(lab.r1.snapshot().crypto().ike().connId()).isEqualTo(1001);
  }

  @Test
  void aLabWithoutControlAddressServesNoApi() throws Exception {
    try (FaultLab plain = new FaultLab()) {
      assertThat(plain.lab.controlAddress()).isEmpty();
    }
  }
}
