package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.cli.HostPort;
import io.tunnelwatch.agent.cli.Main;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.agent.run.ConfiguredDeviceAccess;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.chromium.HeadlessChromium;
import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code diagnose} on the reference lab over SSH: each lab fault is named at the right rung with
 * the right cause, a healthy lab walks every rung green, and the pre-shared key is never shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnoseLabIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "diag-pass-7f31";
  private static final String KEY = "unnets@";
  private static final String VIEWER = "viewer";
  private static final String VIEWER_PASSWORD = "viewer-pass-2b9d";
  private static final Duration WAIT = Duration.ofSeconds(40);

  @TempDir static Path dir;
  private RunningLab lab;
  private AgentConfig config;
  private final List<Fault> injected = new ArrayList<>();

  @BeforeAll
  void startLab() throws Exception {
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials(USER, PASSWORD)
                .restrictedCredentials(VIEWER, VIEWER_PASSWORD)
                .build());
    config = DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(30), dir);
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @AfterEach
  void heal() {
    LabRouter r1 = lab.router("R1");
    injected.forEach(r1::healFault);
    injected.clear();
    await().atMost(WAIT).until(() -> diagnose("R1").healthy());
  }

  private Diagnosis diagnose(String device) throws InterruptedException {
    try (ConfiguredDeviceAccess access = new ConfiguredDeviceAccess(config, name -> null)) {
      return new Diagnoser(access, Clock.systemUTC(), Duration.ofSeconds(1))
          .diagnose(device, Optional.empty());
    }
  }

  private void inject(Fault fault) {
    lab.router("R1").injectFault(fault);
    injected.add(fault);
  }

  @Test
  void aHealthyLabWalksEveryRungGreenAndTheAuditFlagsDhGroup2() throws Exception {
    Diagnosis diagnosis = diagnose("R1");

    assertThat(diagnosis.tunnels())
        .singleElement()
        .satisfies(
            tunnel -> {
              assertThat(tunnel.tunnel()).contains("Tunnel10");
              assertThat(tunnel.peer()).isEqualTo("200.0.0.1");
              assertThat(tunnel.otherEnd()).contains("R2");
              assertThat(tunnel.rungs()).hasSize(5).allMatch(r -> r.status() == RungStatus.PASSED);
              assertThat(tunnel.mirror()).isEmpty();
            });
    assertThat(diagnosis.audit())
        .anySatisfy(
            f -> {
              assertThat(f.level()).isEqualTo("weak");
              assertThat(f.reason()).contains("group 2");
            });
  }

  static List<Arguments> faults() {
    return List.of(
        Arguments.of(
            Fault.PSK_MISMATCH,
            Rung.PHASE1,
            "pre-shared keys differ between R1 and R2 for peer 200.0.0.1"),
        Arguments.of(Fault.ISAKMP_POLICY_MISMATCH, Rung.PHASE1, "no ISAKMP policy in common"),
        Arguments.of(Fault.ACL_MISMATCH, Rung.PHASE2, "ACL VPN-TRAFFIC"),
        Arguments.of(Fault.TRANSFORM_SET_MISMATCH, Rung.PHASE2, "transform set TS-SET differs"),
        Arguments.of(Fault.TUNNEL_DOWN, Rung.PEER_ADDRESS, "path between the two public addresses"),
        Arguments.of(Fault.STALL, Rung.PHASE2, "no traffic reaches the SAs"),
        Arguments.of(Fault.ONE_WAY, Rung.TUNNEL_INTERFACE, "on R2: one-way traffic"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("faults")
  void eachLabFaultIsNamedAtItsRungWithItsCause(Fault fault, Rung rung, String cause)
      throws Exception {
    inject(fault);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              TunnelDiagnosis tunnel = diagnose("R1").tunnels().get(0);
              RungResult failing = tunnel.failing().orElseThrow();
              assertThat(failing.rung()).isEqualTo(rung);
              assertThat(failing.cause()).get().asString().contains(cause);
            });
    Diagnosis diagnosis = diagnose("R1");
    assertThat(DiagnosisJson.write(diagnosis) + DiagnosisText.write(diagnosis)).doesNotContain(KEY);
  }

  @Test
  void theCommandLineNamesThePhase1CauseAndNeverShowsTheKey() throws Exception {
    Path file = dir.resolve("tunnelwatch.yml");
    Files.writeString(file, yaml(USER, PASSWORD));
    inject(Fault.PSK_MISMATCH);
    await()
        .atMost(WAIT)
        .until(
            () -> diagnose("R1").tunnels().get(0).failing().map(RungResult::rung),
            r -> r.equals(Optional.of(Rung.PHASE1)));

    ProcessBuilder text =
        ChildJvm.of(
            Main.class, "diagnose", "--config", file.toString(), "R1", "--counter-interval", "1s");
    CommandResult textRun = ProcessRunner.defaults().withTimeout(WAIT).exec(text.command());
    ProcessBuilder json =
        ChildJvm.of(
            Main.class,
            "diagnose",
            "--config",
            file.toString(),
            "R1",
            "--peer",
            "200.0.0.1",
            "--format",
            "json",
            "--counter-interval",
            "1s");
    CommandResult jsonRun = ProcessRunner.defaults().withTimeout(WAIT).exec(json.command());

    assertThat(textRun.exitCode()).as(textRun.toString()).isEqualTo(3);
    assertThat(textRun.stdout())
        .contains("Tunnel10 to 200.0.0.1 (R2): FAILS at rung 4, phase1")
        .contains("pre-shared keys differ between R1 and R2 for peer 200.0.0.1");
    assertThat(jsonRun.exitCode()).as(jsonRun.toString()).isEqualTo(3);
    assertThat(jsonRun.stdout()).contains("\"failing_rung\" : \"phase1\"");
    assertThat(textRun.stdout() + textRun.stderr() + jsonRun.stdout() + jsonRun.stderr())
        .doesNotContain(KEY);
  }

  @Test
  void anAccountThatMayNotReadTheConfigurationStillWalksTheLadderAndIsToldWhatItNeeds()
      throws Exception {
    Path file = dir.resolve("viewer.yml");
    Files.writeString(file, yaml(VIEWER, VIEWER_PASSWORD));

    CommandResult run =
        ProcessRunner.defaults()
            .withTimeout(WAIT)
            .exec(
                ChildJvm.of(
                        Main.class,
                        "diagnose",
                        "--config",
                        file.toString(),
                        "R1",
                        "--counter-interval",
                        "1s")
                    .command());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout())
        .contains("R1: healthy")
        .contains("may not read the configuration")
        .contains("privilege level 15");
  }

  @Test
  void theRunningAgentServesTheDiagnosisAsJsonAndHtml() throws Exception {
    inject(Fault.TRANSFORM_SET_MISMATCH);
    try (Agent agent = Agent.start(config, Clock.systemUTC(), name -> null)) {
      String base = "http://" + HostPort.format(agent.httpAddress());
      HttpClient http = HttpClient.newHttpClient();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                HttpResponse<String> json =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create(base + "/diagnose?target=R1&peer=200.0.0.1"))
                            .header("Accept", "application/json")
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(json.statusCode()).isEqualTo(200);
                assertThat(json.body())
                    .contains("\"failing_rung\" : \"phase2\"")
                    .contains("transform set TS-SET differs");
              });
      HttpResponse<String> html =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/diagnose?target=R1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(html.body()).contains("Tunnel10 to 200.0.0.1 (R2): fails at rung 5");

      // What a person sees, rendered by a real browser: no page error, and a screenshot for docs.
      URI page = URI.create(base + "/diagnose?target=R1");
      CommandResult dom = new HeadlessChromium(dir).run(page, "--dump-dom");
      assertThat(HeadlessChromium.pageErrors(dom.stderr())).isEmpty();
      assertThat(dom.stdout())
          .contains("transform set TS-SET differs")
          .contains("FAILED")
          .doesNotContain(KEY);
      Path png = Files.createDirectories(Path.of("target")).resolve("diagnose-transform-set.png");
      CommandResult shot =
          new HeadlessChromium(dir)
              .run(page, "--window-size=1280,1100", "--hide-scrollbars", "--screenshot=" + png);
      assertThat(shot.exitCode()).isZero();
      assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  private String yaml(String user, String password) {
    StringBuilder devices = new StringBuilder();
    for (LabRouter router : lab.routers()) {
      devices.append(
          """
            - name: %s
              host: %s
              module: ipsec_gre
              ssh: {port: %d, auth: lab, known_hosts: %s}
          """
              .formatted(
                  router.name(), router.sshHost(), router.sshPort(), dir.resolve("known_hosts")));
    }
    return """
        auths:
          lab: {username: %s, password: %s}
        modules:
          ipsec_gre: {ssh: {command_timeout: 10s}}
        devices:
        %s"""
        .formatted(user, password, devices);
  }
}
