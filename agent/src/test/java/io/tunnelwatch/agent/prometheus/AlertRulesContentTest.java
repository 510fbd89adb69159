package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import io.tunnelwatch.testing.prometheus.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What on-call needs from every alert, and that every alert has tests both ways. */
class AlertRulesContentTest {

  private static final RepoLayout REPO = RepoLayout.find();
  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  static Stream<RuleFile.Rule> alerts() throws IOException {
    return rules().filter(RuleFile.Rule::isAlert);
  }

  private static Stream<RuleFile.Rule> rules() throws IOException {
    Stream<RuleFile.Rule> all = Stream.empty();
    for (Path file : REPO.ruleFiles()) {
      all = Stream.concat(all, RuleFile.read(file).rules());
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void hasSeveritySummaryDescriptionAndARunbookSection(RuleFile.Rule rule) throws IOException {
    assertThat(rule.name()).startsWith("Tunnelwatch");
    assertThat(rule.labels()).containsKey("severity");
    assertThat(SEVERITIES).contains(rule.labels().get("severity"));
    assertThat(rule.annotations()).containsKeys("summary", "description", "runbook_url");
    assertThat(rule.annotations().get("description"))
        .as("%s names the likely cause and the next check", rule.name())
        .contains("Likely cause")
        .contains("Next check");
    String anchor = rule.name().toLowerCase(Locale.ROOT);
    assertThat(rule.annotations().get("runbook_url")).isEqualTo("docs/runbook.md#" + anchor);
    assertThat(runbookAnchors()).as("headings of docs/runbook.md").contains(anchor);
  }

  @Test
  void everyAlertIsTestedFiringAndNotFiring() throws IOException {
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path file : REPO.ruleTests()) {
      for (JsonNode test : yaml.readTree(file.toFile()).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          String name = check.path("alertname").asText();
          (check.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
        }
      }
    }
    List<String> names = alerts().map(RuleFile.Rule::name).toList();

    assertThat(firing).as("alerts with a firing case").containsAll(names);
    assertThat(quiet).as("alerts with a not-firing case").containsAll(names);
  }

  @Test
  void everyRecordingRuleHasAnExpressionTest() throws IOException {
    Set<String> tested = new HashSet<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path file : REPO.ruleTests()) {
      for (JsonNode test : yaml.readTree(file.toFile()).path("tests")) {
        for (JsonNode check : test.path("promql_expr_test")) {
          if (!check.path("exp_samples").isEmpty()) {
            tested.add(check.path("expr").asText());
          }
        }
      }
    }
    assertThat(tested)
        .containsAll(rules().filter(r -> !r.isAlert()).map(RuleFile.Rule::name).toList());
  }

  @Test
  void everyRecordingRuleFollowsTheLevelMetricOperationsConvention() throws IOException {
    assertThat(rules().filter(r -> !r.isAlert()).map(RuleFile.Rule::name))
        .isNotEmpty()
        .allMatch(n -> n.matches("[a-z_]+:tunnelwatch_[a-z0-9_]+:[a-z0-9_]+"));
  }

  /** GitHub-style anchors of the markdown headings. */
  private static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^#{1,6}\\s+(.+)$").matcher(Files.readString(REPO.runbook()));
    while (m.find()) {
      anchors.add(
          m.group(1)
              .trim()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9 _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }
}
