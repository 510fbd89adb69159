package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.chromium.HeadlessChromium;
import io.tunnelwatch.testing.process.CommandResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page of an agent polling the reference lab, as a real browser renders it (Debian's
 * chromium, headless): both tunnels healthy, then with {@code psk_mismatch} on R1 (GRE's line
 * protocol stays up) Tunnel10 is down at phase 1 with the open condition listed. The fault's
 * screenshot is written to target/ for docs/img/status-psk-mismatch.png.
 */
class StatusPageChromiumIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "status-pass-5c1e";
  private static final String GRAFANA = "http://grafana.example.net:3000";
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningLab lab;
  private Agent agent;
  private URI page;

  @BeforeEach
  void start() throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    AgentConfig lab1s =
        DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(1), dir);
    Path state = Files.createDirectories(dir.resolve("state"));
    AgentConfig config =
        new AgentConfig(
            lab1s.http(),
            lab1s.auths(),
            lab1s.modules(),
            lab1s.devices(),
            LabAgentConfigs.fastEvents(),
            HistoryConfig.ofStateDir(state.toString()),
            AlertingConfig.NONE.withGrafanaUrl(GRAFANA));
    agent = Agent.start(config);
    page = URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    agent.close();
    lab.close();
  }

  @Test
  void theHealthyLabShowsBothTunnelsHealthyAndNothingOpen() throws Exception {
    awaitPage(
        html ->
            assertThat(html)
                .contains(verdictRow("healthy", "R1", "Tunnel10"))
                .contains(verdictRow("healthy", "R2", "Tunnel12")));

    String dom = dom();

    assertThat(dom)
        .contains(verdictRow("healthy", "R1", "Tunnel10"))
        .contains(verdictRow("healthy", "R2", "Tunnel12"))
        .contains("2 healthy")
        .contains("None: nothing is failing.")
        .doesNotContain("diagnose?")
        .contains(GRAFANA + "/d/tunnelwatch-tunnel?var-device=R1&amp;var-tunnel=Tunnel10")
        .doesNotContain(PASSWORD);
  }

  @Test
  void withPskMismatchTunnel10IsDownAtPhase1ThoughItsLineProtocolIsUp() throws Exception {
    awaitPage(html -> assertThat(html).contains(verdictRow("healthy", "R1", "Tunnel10")));

    lab.router("R1").injectFault(Fault.PSK_MISMATCH);
    awaitPage(
        html ->
            assertThat(html)
                .contains("<tr data-condition=\"phase1_failure\" data-device=\"R1\">")
                .contains(verdictRow("down", "R1", "Tunnel10")));

    String dom = dom();
    String tunnel10 = row(dom, verdictRow("down", "R1", "Tunnel10"));
    assertThat(tunnel10)
        .contains("<td>4 phase 1</td>")
        .contains("phase 1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH")
        .contains("pre-shared key")
        .contains("<a href=\"diagnose?target=R1&amp;peer=200.0.0.1\">diagnose</a>");
    String condition = row(dom, "<tr data-condition=\"phase1_failure\" data-device=\"R1\">");
    assertThat(condition)
        .contains("critical")
        .contains("peer 200.0.0.1")
        .contains("R1: IKE phase 1 to 200.0.0.1 not established")
        .contains(" ago");
    // The tunnel interface itself still says up: the verdict is what tells the truth.
    assertThat(row(dom, "<tr><td>R1</td><td>Tunnel10</td>")).contains(">up<");
    assertThat(dom).contains("phase1_failure opened").doesNotContain(PASSWORD);

    Path png = Files.createDirectories(Path.of("target")).resolve("status-psk-mismatch.png");
    CommandResult shot =
        new HeadlessChromium(dir)
            .run(page, "--window-size=1280,1500", "--hide-scrollbars", "--screenshot=" + png);
    assertThat(shot.exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    assertThat(bytes.length).isGreaterThan(20_000);
  }

  private static String verdictRow(String verdict, String device, String tunnel) {
    return "<tr data-verdict=\""
        + verdict
        + "\" data-device=\""
        + device
        + "\" data-tunnel=\""
        + tunnel
        + "\">";
  }

  /** The table row that starts with {@code start}. */
  private static String row(String dom, String start) {
    Matcher m = Pattern.compile(Pattern.quote(start) + ".*?</tr>", Pattern.DOTALL).matcher(dom);
    assertThat(m.find()).as("a row starting %s", start).isTrue();
    return m.group();
  }

  private String dom() throws IOException {
    CommandResult result = new HeadlessChromium(dir).run(page, "--dump-dom");
    assertThat(result.exitCode()).isZero();
    assertThat(HeadlessChromium.pageErrors(result.stderr())).isEmpty();
    return result.stdout();
  }

  private void awaitPage(Consumer<String> check) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
              check.accept(response.body());
            });
  }
}
