package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.prometheus.Dashboard;
import io.tunnelwatch.testing.prometheus.PromQlNames;
import io.tunnelwatch.testing.prometheus.PromQueryChecker;
import io.tunnelwatch.testing.prometheus.PrometheusServer;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import io.tunnelwatch.testing.prometheus.RuleFile;
import io.tunnelwatch.testing.prometheus.TemplateVariables;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules and dashboards against a real Prometheus scraping the agent, which polls the lab's R1
 * and R2 over SSH: every rule loads and evaluates, every PromQL expression parses, reads only
 * metrics that exist and, for panels and recording rules, returns data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusLabIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "prom-lab-pass-8a31";
  // Alerts fire this long after their condition holds, instead of minutes.
  private static final Duration SHORT_FOR = Duration.ofSeconds(2);

  /**
   * Series that exist only while something is wrong, so a healthy lab has none: firing alerts,
   * failed polls, skipped output lines. Queries may read them and find nothing.
   */
  private static final Set<String> QUIET_WHEN_HEALTHY =
      Set.of(
          "ALERTS",
          "tunnelwatch_poll_failures_total",
          "tunnelwatch_parse_warnings_total",
          // A series per open condition only: none in a healthy lab.
          "tunnelwatch_condition_open",
          // Only for the Alertmanagers an agent sends to; this one sends to none.
          "tunnelwatch_notifications_destination_up");

  private final RepoLayout repo = RepoLayout.find();
  private RunningLab lab;
  private Agent agent;
  private PrometheusServer prometheus;
  private PromQueryChecker checker;
  private final List<RuleFile.Rule> rules = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    // Both faces, as in the demo: SNMP feeds the IPsec byte counters the dashboards draw.
    AgentConfig config = LabAgentConfigs.bothFaces(lab, USER, PASSWORD, Duration.ofSeconds(1), dir);
    agent = Agent.start(config);
    prometheus =
        PrometheusServer.start(
            dir.resolve("prometheus"),
            PrometheusServer.Options.of(
                    "127.0.0.1:" + agent.httpAddress().getPort(), repo.ruleFiles())
                .withForOverride(SHORT_FOR));
    Map<String, String> recording = new HashMap<>();
    for (Path file : repo.ruleFiles()) {
      RuleFile.read(file).rules().forEach(rules::add);
    }
    rules.stream().filter(r -> !r.isAlert()).forEach(r -> recording.put(r.name(), r.expr()));
    checker = new PromQueryChecker(prometheus, recording, QUIET_WHEN_HEALTHY::contains);

    // Data is there once encrypt counters have moved between two scrapes and the recording rule
    // over them has been evaluated.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                prometheus
                    .query("device_peer_flow:tunnelwatch_ipsec_packets_encrypted:rate5m > 0")
                    .hasData());
  }

  @AfterAll
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void everyRuleIsLoadedAndEvaluatesWithoutError() {
    Set<String> expected = new TreeSet<>();
    rules.forEach(r -> expected.add(r.name()));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, String> health = new HashMap<>();
              for (JsonNode group : prometheus.ruleGroups()) {
                for (JsonNode rule : group.path("rules")) {
                  health.put(
                      rule.path("name").asText(),
                      rule.path("health").asText() + " " + rule.path("lastError").asText(""));
                }
              }
              assertThat(health.keySet()).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(health).allSatisfy((name, h) -> assertThat(h.trim()).isEqualTo("ok"));
            });
  }

  @Test
  @Order(2)
  void everyRuleExpressionParsesReadsKnownMetricsAndRecordingRulesHaveData() {
    List<String> problems = new ArrayList<>();
    for (RuleFile.Rule rule : rules) {
      // Alerts are quiet in a healthy lab; recording rules must produce series.
      problems.addAll(checker.check("rule " + rule.name(), rule.expr(), !rule.isAlert()));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  @Order(3)
  void everyDashboardQueryParsesReadsKnownMetricsAndReturnsData() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path path : repo.dashboards()) {
      Dashboard dashboard = Dashboard.read(path);
      TemplateVariables vars = TemplateVariables.resolve(dashboard, prometheus);
      assertThat(vars.values()).containsKey("device");
      for (Dashboard.PanelQuery q : dashboard.queries()) {
        problems.addAll(checker.check(q.where(), vars.substitute(q.expr()), true));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(40);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  @Order(4)
  void theTemplateVariablesFindTheLabsRoutersTunnelsAndPeers() throws Exception {
    Dashboard tunnel = Dashboard.read(repo.root().resolve("dashboards/tunnelwatch-tunnel.json"));
    Map<String, String> values = TemplateVariables.resolve(tunnel, prometheus).values();
    assertThat(values)
        .containsEntry("device", "R1")
        .containsEntry("tunnel", "Tunnel10")
        .containsEntry("peer", "200.0.0.1");
  }

  @Test
  @Order(5)
  void everyMetricTheRulesAndDashboardsReadIsExportedOrRecorded() throws Exception {
    Set<String> read = new TreeSet<>();
    rules.forEach(r -> read.addAll(PromQlNames.metricNames(r.expr())));
    for (Path path : repo.dashboards()) {
      Dashboard.read(path).queries().forEach(q -> read.addAll(PromQlNames.metricNames(q.expr())));
    }
    Set<String> available = new TreeSet<>(prometheus.metricNames());
    rules.stream().filter(r -> !r.isAlert()).forEach(r -> available.add(r.name()));

    assertThat(read).as("metrics the rules and dashboards read").hasSizeGreaterThanOrEqualTo(10);
    assertThat(read)
        .as("read by rules or dashboards, but neither exported by the agent nor recorded")
        .isSubsetOf(union(available, QUIET_WHEN_HEALTHY));
    // An excuse nothing needs is a stale one.
    assertThat(read).as("QUIET_WHEN_HEALTHY entries nothing reads").containsAll(QUIET_WHEN_HEALTHY);
  }

  @Test
  @Order(1)
  void promtoolFindsNothingToFaultInTheAgentsMetrics(@TempDir Path tmp) throws Exception {
    Path page = tmp.resolve("metrics.txt");
    Files.writeString(
        page,
        MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", agent.httpAddress().getPort()))
            .text());

    // promtool reads the page on stdin; it exits 3 and lists each name it faults.
    CommandResult lint =
        ProcessRunner.run("sh", "-c", "promtool check metrics < \"$0\"", page.toString());

    assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isZero();
    assertThat(Files.readString(page))
        .contains("tunnelwatch_build_info{")
        .doesNotContain("process_cpu_time_ns_total")
        .doesNotContain("system_cpu_count");
    // /probe, for one device and for a part of the fleet, is held to the same rules.
    for (String probe : List.of("/probe?target=R1", "/probe?shard=0&of=1")) {
      Path part = tmp.resolve("probe.txt");
      Files.writeString(
          part,
          HttpGet.send(URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + probe))
              .body());
      CommandResult probeLint =
          ProcessRunner.run("sh", "-c", "promtool check metrics < \"$0\"", part.toString());
      assertThat(probeLint.exitCode()).as(probe + ": " + probeLint.output()).isZero();
      assertThat(Files.readString(part)).as(probe).contains("tunnelwatch_device_up{");
    }
  }

  @Test
  @Order(1)
  void theSnmpRequestWindowIsScraped() throws Exception {
    assertThat(prometheus.metricNames())
        .contains("tunnelwatch_snmp_requests_in_flight", "tunnelwatch_snmp_requests_queued");
    assertThat(prometheus.query("tunnelwatch_snmp_requests_queued == 0").hasData()).isTrue();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  @Order(6)
  void theCheckerFailsForUnknownMetricsAndMalformedPromQl() {
    assertThat(checker.check("good", "sum(rate(tunnelwatch_tunnel_receive_bytes_total[1m]))", true))
        .isEmpty();
    assertThat(checker.check("unknown", "rate(tunnelwatch_no_such_metric_total[5m])", false))
        .singleElement()
        .asString()
        .contains("tunnelwatch_no_such_metric_total");
    // Returns data (vector(0)), but still names a metric nobody exports.
    assertThat(checker.check("hidden", "count(tunnelwatch_no_such_metric) or vector(0)", true))
        .singleElement()
        .asString()
        .contains("tunnelwatch_no_such_metric");
    assertThat(checker.check("malformed", "sum(rate(tunnelwatch_tunnel_up[5m])", false))
        .singleElement()
        .asString()
        .contains("Prometheus rejects");
    assertThat(checker.check("empty", "tunnelwatch_tunnel_up{device=\"R9\"}", true))
        .singleElement()
        .asString()
        .contains("returned no data");
  }

  @Test
  @Order(7)
  void anUnreachableRouterFiresItsAlert() throws Exception {
    // Unreachable means neither face answers: with SNMP still answering, R2 is polled.
    lab.router("R2").stopSsh();
    lab.router("R2").answerSnmp(false);
    try {
      JsonNode alert =
          prometheus.awaitAlertFiring("TunnelwatchDeviceUnreachable", Duration.ofSeconds(60));
      JsonNode labels = alert.path("labels");
      assertThat(alert.path("annotations").path("summary").asText())
          .isEqualTo("R2: cannot be polled");
      assertThat(alert.path("annotations").path("description").asText())
          .contains("The agent's polls of R2 have failed")
          .doesNotContain("error expanding template")
          .doesNotContain(PASSWORD);
      assertThat(labels.path("device").asText()).isEqualTo("R2");
      assertThat(labels.path("severity").asText()).isEqualTo("critical");
      assertThat(prometheus.alerts())
          .noneMatch(
              a ->
                  a.path("labels").path("alertname").asText().equals("TunnelwatchDeviceUnreachable")
                      && a.path("labels").path("device").asText().equals("R1"));
      // The fleet dashboard's alert panels, quiet in a healthy lab, now show it.
      List<Dashboard.PanelQuery> alertPanels =
          Dashboard.read(repo.root().resolve("dashboards/tunnelwatch-fleet.json"))
              .queries()
              .stream()
              .filter(q -> q.panel().equals("Firing alerts"))
              .toList();
      assertThat(alertPanels).hasSize(2);
      for (Dashboard.PanelQuery q : alertPanels) {
        PrometheusServer.QueryResult result = prometheus.query(q.expr());
        assertThat(result.hasData()).as(q.where()).isTrue();
        JsonNode first = result.result().get(0);
        if (first.path("metric").has("alertname")) {
          assertThat(result.result().toString()).contains("TunnelwatchDeviceUnreachable");
        } else {
          assertThat(first.path("value").get(1).asDouble()).as(q.where()).isGreaterThanOrEqualTo(1);
        }
      }
    } finally {
      lab.router("R2").answerSnmp(true);
      lab.router("R2").startSsh();
    }
  }

  @Test
  @Order(8)
  void aLostPathFiresTheRulesCopiesOfTheAgentsConditionsOnBothRouters() {
    lab.router("R1").setTunnelUp(false);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Set<String> down = new TreeSet<>();
                for (JsonNode a : prometheus.alerts()) {
                  JsonNode labels = a.path("labels");
                  if (a.path("state").asText().equals("firing")) {
                    down.add(
                        labels.path("alertname").asText()
                            + " "
                            + labels.path("device").asText()
                            + " "
                            + labels.path("tunnel").asText()
                            + " "
                            + labels.path("peer").asText());
                  }
                }
                assertThat(down)
                    .contains(
                        "TunnelwatchTunnelDown R1 Tunnel10 200.0.0.1",
                        "TunnelwatchTunnelDown R2 Tunnel12 100.0.0.1",
                        "TunnelwatchPhase1Failure R1  200.0.0.1",
                        "TunnelwatchPhase1Failure R2  100.0.0.1");
              });
      for (JsonNode a : prometheus.alerts()) {
        String annotations = a.path("annotations").toString();
        assertThat(annotations)
            .doesNotContain("error expanding template")
            .doesNotContain("<no value>");
      }
    } finally {
      lab.router("R1").setTunnelUp(true);
    }
  }

  @Test
  @Order(9)
  void aPreSharedKeyMismatchFiresThePhase1RuleWithTheAgentsLabels() {
    lab.router("R1").injectFault(Fault.PSK_MISMATCH);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                Set<String> firing = new TreeSet<>();
                for (JsonNode a : prometheus.alerts()) {
                  JsonNode labels = a.path("labels");
                  if (a.path("state").asText().equals("firing")
                      && labels.path("device").asText().equals("R1")) {
                    firing.add(
                        labels.path("alertname").asText() + " " + labels.path("peer").asText());
                    if (labels.path("alertname").asText().equals("TunnelwatchPhase1Failure")) {
                      // Exactly the labels the agent's own alert has: Alertmanager sees one alert.
                      assertThat(fieldNames(labels))
                          .containsExactlyInAnyOrder("alertname", "severity", "device", "peer");
                    }
                  }
                }
                assertThat(firing).contains("TunnelwatchPhase1Failure 200.0.0.1");
              });
    } finally {
      lab.router("R1").healFault(Fault.PSK_MISMATCH);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
