package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.prometheus.Dashboard;
import io.tunnelwatch.testing.prometheus.PromQlNames;
import io.tunnelwatch.testing.prometheus.PrometheusServer;
import io.tunnelwatch.testing.prometheus.PrometheusServer.Job;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import io.tunnelwatch.testing.prometheus.SnapshotTarget;
import io.tunnelwatch.testing.prometheus.TemplateVariables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard query answers the same whether each device's series is scraped once or twice (two
 * jobs, two instances: the agent scraped at /metrics and /probe, or an HA pair of agents).
 *
 * <p>Two Prometheus servers read the same data: {@code single} scrapes the agent with one job,
 * {@code doubled} with two jobs whose {@code instance} labels differ. Both scrape a {@link
 * SnapshotTarget} in front of the agent, so the two copies in {@code doubled} and the one in {@code
 * single} are identical samples at identical times; every query is then asked of both at the same
 * instant and the answers compared after dropping {@code job} and {@code instance}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardDuplicateSeriesIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "dup-lab-pass-5c02";
  // Longer than the 1 s scrape interval (plus a late scrape), so every job sees every copy.
  private static final Duration SNAPSHOT_PERIOD = Duration.ofSeconds(3);
  private static final Set<String> DROPPED = Set.of("job", "instance");

  private final RepoLayout repo = RepoLayout.find();
  private RunningLab lab;
  private Agent agent;
  private SnapshotTarget snapshots;
  private PrometheusServer single;
  private PrometheusServer doubled;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    // Both faces, as in the demo: SNMP feeds the IPsec byte counters the dashboards draw.
    AgentConfig config = LabAgentConfigs.bothFaces(lab, USER, PASSWORD, Duration.ofSeconds(1), dir);
    agent = Agent.start(config);
    snapshots =
        SnapshotTarget.start(
            URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + "/metrics"),
            SNAPSHOT_PERIOD);
    String target = snapshots.address();
    single =
        PrometheusServer.start(
            dir.resolve("single"),
            PrometheusServer.Options.of(List.of(Job.of("tunnelwatch", target)), repo.ruleFiles()));
    doubled =
        PrometheusServer.start(
            dir.resolve("doubled"),
            PrometheusServer.Options.of(
                List.of(
                    Job.of("tunnelwatch", target),
                    Job.of("tunnelwatch-probe", target).withInstance("agent-b")),
                repo.ruleFiles()));
    // Both are up before the first copy, so each holds every copy from the first on.
    snapshots.begin();

    // Data is there once encrypt counters have moved between two copies, on both servers, and
    // the doubled one really holds every series twice.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (PrometheusServer p : List.of(single, doubled)) {
                assertThat(
                        p.query("device_peer_flow:tunnelwatch_ipsec_packets_encrypted:rate5m > 0")
                            .hasData())
                    .isTrue();
                assertThat(
                        p.query("rate(tunnelwatch_tunnel_receive_bytes_total[1m]) > 0").hasData())
                    .isTrue();
              }
              assertThat(
                      scalar(
                          doubled.query("count(count by (job, instance) (tunnelwatch_tunnel_up))")))
                  .isEqualTo(2.0);
            });
    // Recording rules produce their first samples only now: a few copies later, the instant
    // the queries are asked about has rule samples before it too.
    int first = snapshots.latest().number();
    await()
        .atMost(SNAPSHOT_PERIOD.multipliedBy(6))
        .until(() -> snapshots.latest().number() >= first + 3);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {doubled, single, snapshots, agent, lab}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // Closing the others matters more than this failure.
        }
      }
    }
  }

  @Test
  void everyDashboardQueryAnswersAsIfEachSeriesWereScrapedOnce() throws Exception {
    Instant at = settledInstant();
    List<String> problems = new ArrayList<>();
    int compared = 0;
    List<String> empty = new ArrayList<>();
    for (Path path : repo.dashboards()) {
      Dashboard dashboard = Dashboard.read(path);
      TemplateVariables vars = TemplateVariables.resolve(dashboard, single);
      assertThat(TemplateVariables.resolve(dashboard, doubled).values())
          .as("%s variables", dashboard.file())
          .isEqualTo(vars.values());
      for (Dashboard.PanelQuery q : dashboard.queries()) {
        String expr = vars.substitute(q.expr());
        PrometheusServer.QueryResult once = single.query(expr, at);
        PrometheusServer.QueryResult twice = doubled.query(expr, at);
        problems.addAll(differences(q.where() + ": " + expr, once, twice, tolerance(expr)));
        compared++;
        if (!once.hasData()) {
          empty.add(q.where());
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(40);
    // Identical empty answers would prove nothing: nearly every panel has data in the lab.
    assertThat(empty).as("queries without data").hasSizeLessThanOrEqualTo(5);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /** The comparison sees duplicates where they count: a naive count or sum doubles. */
  @Test
  void theComparisonFailsForQueriesThatCountOrSumDuplicates() {
    Instant at = settledInstant();
    for (String naive :
        List.of(
            "count(tunnelwatch_tunnel_up == 1)",
            "sum(rate(tunnelwatch_tunnel_receive_bytes_total[1m]))",
            "tunnelwatch_device_up")) {
      assertThat(differences(naive, single.query(naive, at), doubled.query(naive, at), 0))
          .as(naive)
          .isNotEmpty();
    }
    String deduplicated = "count(max without (job, instance) (tunnelwatch_tunnel_up) == 1)";
    assertThat(
            differences(
                deduplicated, single.query(deduplicated, at), doubled.query(deduplicated, at), 0))
        .isEmpty();
  }

  /**
   * The time of the latest copy, once every job of both servers has scraped it: asked about that
   * instant, both hold the same raw samples.
   */
  private Instant settledInstant() {
    Instant at = snapshots.latest().taken();
    double seconds = at.toEpochMilli() / 1000.0;
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              for (PrometheusServer p : List.of(single, doubled)) {
                assertThat(scalar(p.query("min(timestamp(tunnelwatch_build_info))")))
                    .isGreaterThanOrEqualTo(seconds);
              }
            });
    return at;
  }

  /**
   * How far apart two answers may be. Raw samples are identical, so a query of them must agree
   * exactly. Recording rules are evaluated by each server on its own schedule (up to one evaluation
   * interval apart, with a copy possibly arriving in between): rates then differ by a few percent,
   * and an age by up to a copy period and an evaluation interval. Summing duplicates doubles a
   * value, far outside either.
   */
  private static double tolerance(String expr) {
    Set<String> names = PromQlNames.metricNames(expr);
    if (names.stream().anyMatch(n -> n.endsWith(":age"))) {
      return -(SNAPSHOT_PERIOD.toSeconds() + 2); // absolute, in seconds
    }
    if (names.stream().anyMatch(n -> n.contains(":"))) {
      return 0.1; // relative
    }
    return 0;
  }

  /**
   * What differs between the answer of {@code single} and of {@code doubled}, series keyed by their
   * labels without job and instance.
   *
   * @param tolerance relative if positive, absolute if negative, exact if 0
   */
  static List<String> differences(
      String where,
      PrometheusServer.QueryResult once,
      PrometheusServer.QueryResult twice,
      double tolerance) {
    List<String> out = new ArrayList<>();
    if (!once.ok() || !twice.ok()) {
      out.add(where + ": query failed: " + once.error() + " / " + twice.error());
      return out;
    }
    Map<String, List<Double>> a = byLabels(once.result());
    Map<String, List<Double>> b = byLabels(twice.result());
    if (!a.keySet().equals(b.keySet())) {
      out.add(where + ": series once " + a.keySet() + ", twice " + b.keySet());
      return out;
    }
    for (var e : a.entrySet()) {
      List<Double> x = e.getValue();
      List<Double> y = b.get(e.getKey());
      if (x.size() != y.size()) {
        out.add(
            where + ": " + e.getKey() + " " + x.size() + " series once, " + y.size() + " twice");
      } else if (!close(x.get(0), y.get(0), tolerance)) {
        out.add(where + ": " + e.getKey() + " = " + x.get(0) + " once, " + y.get(0) + " twice");
      }
    }
    return out;
  }

  private static Map<String, List<Double>> byLabels(JsonNode result) {
    Map<String, List<Double>> out = new TreeMap<>();
    for (JsonNode series : result) {
      Map<String, String> labels = new TreeMap<>();
      series
          .path("metric")
          .properties()
          .forEach(
              l -> {
                if (!DROPPED.contains(l.getKey())) {
                  labels.put(l.getKey(), l.getValue().asText());
                }
              });
      out.computeIfAbsent(labels.toString(), k -> new ArrayList<>())
          .add(series.path("value").get(1).asDouble());
    }
    return out;
  }

  private static boolean close(double x, double y, double tolerance) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.isNaN(x) && Double.isNaN(y);
    }
    if (tolerance < 0) {
      return Math.abs(x - y) <= -tolerance;
    }
    return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  }

  private static double scalar(PrometheusServer.QueryResult result) {
    assertThat(result.hasData()).as("answer %s", result.result()).isTrue();
    return result.result().get(0).path("value").get(1).asDouble();
  }
}
