package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tunnelwatch.testing.prometheus.Dashboard;
import io.tunnelwatch.testing.prometheus.PromQlDedup;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboards are portable: datasource by variable, no UIDs, every variable used. */
class DashboardStructureTest {

  private static final RepoLayout REPO = RepoLayout.find();
  private static final Map<String, Set<String>> REQUIRED_VARIABLES =
      Map.of(
          "tunnelwatch-fleet.json", Set.of("datasource", "device", "peer"),
          "tunnelwatch-tunnel.json", Set.of("datasource", "device", "tunnel", "peer"),
          "tunnelwatch-router.json", Set.of("datasource", "device"));

  /** Panel types shipped with Grafana itself: no plugin to install. */
  private static final Set<String> CORE_PANEL_TYPES =
      Set.of("row", "stat", "table", "timeseries", "state-timeline", "bargauge");

  static Stream<Path> dashboards() {
    return REPO.dashboards().stream();
  }

  @Test
  void theThreeDashboardsExist() {
    assertThat(REPO.dashboards())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(REQUIRED_VARIABLES.keySet());
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void selectsItsPrometheusThroughTheDatasourceVariable(Path path) throws IOException {
    Dashboard dashboard = Dashboard.read(path);
    assertThat(dashboard.variables())
        .filteredOn(v -> v.name().equals("datasource"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.type()).isEqualTo("datasource");
              assertThat(v.query()).isEqualTo("prometheus");
            });
    List<JsonNode> refs = dashboard.datasourceReferences();
    assertThat(refs).as("datasource references").isNotEmpty();
    for (JsonNode ref : refs) {
      assertThat(ref.isObject()).as("datasource %s is an object", ref).isTrue();
      assertThat(ref.path("type").asText())
          .as("datasource type in %s", ref)
          .isEqualTo("prometheus");
      assertThat(ref.path("uid").asText())
          .as("datasource %s: no hard-coded uid, only the variable", ref)
          .isEqualTo("${datasource}");
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void usesTheCurrentSchemaAndUniquePanelIds(Path path) throws IOException {
    Dashboard dashboard = Dashboard.read(path);
    assertThat(dashboard.json().path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(dashboard.json().path("uid").asText()).matches("tunnelwatch-[a-z]+");
    assertThat(dashboard.json().has("__inputs")).as("export-for-sharing inputs").isFalse();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.panels()) {
      assertThat(ids.add(panel.path("id").asInt()))
          .as("panel id %s unique", panel.path("id"))
          .isTrue();
      String type = panel.path("type").asText();
      assertThat(CORE_PANEL_TYPES).as("type of panel %s", panel.path("title")).contains(type);
      if (Set.of("stat", "table", "bargauge").contains(type)) {
        // These show one value per series: a range query would make Grafana reduce it again.
        assertThat(panel.path("targets"))
            .as("instant queries of panel %s", panel.path("title"))
            .allMatch(t -> t.path("instant").asBoolean());
      }
      if (!type.equals("row")) {
        assertThat(panel.path("targets").size())
            .as("queries of panel %s", panel.path("title"))
            .isPositive();
        assertThat(panel.path("description").asText())
            .as("description of panel %s", panel.path("title"))
            .isNotBlank();
      }
    }
    assertThat(dashboard.queries()).allSatisfy(q -> assertThat(q.expr()).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void definesItsTemplateVariablesAndUsesEveryOne(Path path) throws IOException {
    Dashboard dashboard = Dashboard.read(path);
    List<String> names = dashboard.variables().stream().map(Dashboard.Variable::name).toList();
    assertThat(names).containsAll(REQUIRED_VARIABLES.get(dashboard.file()));

    List<String> uses = new ArrayList<>();
    dashboard.queries().forEach(q -> uses.add(q.expr()));
    dashboard.variables().forEach(v -> uses.add(v.query()));
    for (Dashboard.Variable v : dashboard.variables()) {
      if (v.type().equals("datasource")) {
        continue;
      }
      assertThat(v.type()).as("variable %s", v.name()).isEqualTo("query");
      assertThat(v.query()).as("query of variable %s", v.name()).startsWith("label_values(");
      Pattern use = Pattern.compile("\\$\\{?" + v.name() + "\\b");
      assertThat(uses).as("uses of $%s", v.name()).anyMatch(text -> use.matcher(text).find());
    }
    for (String text : uses) {
      var m = Pattern.compile("\\$\\{?([a-zA-Z_]\\w*)").matcher(text);
      while (m.find()) {
        String used = m.group(1);
        assertThat(used.startsWith("__") || names.contains(used))
            .as("%s refers to $%s, which is defined", text, used)
            .isTrue();
      }
    }
  }

  /**
   * Scraped by two jobs, or polled by two agents, every series exists twice with a different job
   * and instance: each metric must be deduplicated (max or min dropping both) before anything
   * counts or sums it, or the panels double. DashboardDuplicateSeriesIT shows the effect against a
   * real Prometheus.
   */
  @ParameterizedTest
  @MethodSource("dashboards")
  void everyMetricIsDeduplicatedAcrossJobAndInstance(Path path) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Dashboard.PanelQuery q : Dashboard.read(path).queries()) {
      PromQlDedup.undeduplicated(q.expr())
          .forEach(p -> problems.add(q.where() + ": " + p + " in " + q.expr()));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void theDeduplicationCheckFindsCountsSumsAndBareSelectors() {
    assertThat(PromQlDedup.undeduplicated("count(tunnelwatch_tunnel_up{device=~\"$device\"} == 1)"))
        .singleElement()
        .asString()
        .startsWith("tunnelwatch_tunnel_up (innermost aggregation count");
    assertThat(PromQlDedup.undeduplicated("sum by (device) (rate(tunnelwatch_events_total[5m]))"))
        .singleElement()
        .asString()
        .contains("sum by");
    assertThat(PromQlDedup.undeduplicated("tunnelwatch_tunnel_up * 8"))
        .containsExactly("tunnelwatch_tunnel_up (in no aggregation)");
    assertThat(PromQlDedup.undeduplicated("max by (device, instance) (tunnelwatch_device_up)"))
        .hasSize(1);
    assertThat(PromQlDedup.undeduplicated("max without (job) (tunnelwatch_device_up)")).hasSize(1);
    assertThat(PromQlDedup.undeduplicated("max(tunnelwatch_device_up) by (job)")).hasSize(1);
    // Only the selector outside the max is reported; label names are no metrics.
    assertThat(
            PromQlDedup.undeduplicated(
                "max by (device) (tunnelwatch_device_up) + on (device) tunnelwatch_tunnel_up"))
        .containsExactly("tunnelwatch_tunnel_up (in no aggregation)");

    assertThat(
            PromQlDedup.undeduplicated(
                "count(max without (job, instance) (tunnelwatch_tunnel_up{device=~\"$device\"})"
                    + " == 1) or vector(0)"))
        .isEmpty();
    assertThat(
            PromQlDedup.undeduplicated(
                "topk(10, sum by (device, peer) (max without (job, instance)"
                    + " (increase(tunnelwatch_ike_rekeys_total{peer=~\"$peer\"}[$__range]))))"))
        .isEmpty();
    assertThat(
            PromQlDedup.undeduplicated(
                "min by (device, peer) (max without (instance, job) (tunnelwatch_ipsec_sa_up))"))
        .isEmpty();
    assertThat(PromQlDedup.undeduplicated("max(tunnelwatch_device_up) without (job, instance)"))
        .isEmpty();
    assertThat(
            PromQlDedup.undeduplicated(
                "max by (device, peer, state) (tunnelwatch_ike_sa_state{peer=\"a(b)\"} == 1)"))
        .isEmpty();
  }

  @Test
  void provisioningFilesPointAtPrometheusAndTheDashboardFolder() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode ds =
        yaml.readTree(REPO.provisioning().resolve("datasources/tunnelwatch.yml").toFile());
    assertThat(ds.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(ds.path("datasources").get(0).path("type").asText()).isEqualTo("prometheus");
    JsonNode boards =
        yaml.readTree(REPO.provisioning().resolve("dashboards/tunnelwatch.yml").toFile());
    assertThat(boards.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(boards.path("providers").get(0).path("type").asText()).isEqualTo("file");
    assertThat(boards.path("providers").get(0).path("options").path("path").asText()).isNotBlank();
  }
}
