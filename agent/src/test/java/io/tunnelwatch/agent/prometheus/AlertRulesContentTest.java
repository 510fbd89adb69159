package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import io.tunnelwatch.testing.prometheus.RuleFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    if (rule.labels() != null && rule.labels().containsKey("severity")) {
      assertThat(SEVERITIES).contains(rule.labels().get("severity"));
    } else {
      // The condition alerts take the severity the agent decided (docs/events.md), so it has to
      // survive the aggregation: only `max by (severity, ...)` keeps it.
      assertThat(rule.expr())
          .as("%s has no severity label, so its expression must keep the metric's", rule.name())
          .containsPattern("^\\s*max by \\(severity,");
    }
    assertThat(rule.annotations()).containsKeys("summary", "description", "runbook_url");
    assertThat(rule.annotations().get("description"))
        .as("%s names the likely cause and the next check", rule.name())
        .contains("Likely cause")
        .contains("Next check");

    // Absolute, so that the link works from a pager or chat message, not only from the repo.
    URI runbook = URI.create(rule.annotations().get("runbook_url"));
    assertThat(runbook.getScheme()).as("%s runbook_url scheme", rule.name()).isEqualTo("https");
    assertThat(runbook.getHost()).as("%s runbook_url host", rule.name()).isNotBlank();
    assertThat(runbook.getPath()).as("%s runbook_url path", rule.name()).endsWith("/runbook.md");
    String anchor = rule.name().toLowerCase(Locale.ROOT);
    assertThat(runbook.getFragment()).as("%s runbook_url anchor", rule.name()).isEqualTo(anchor);
    assertThat(runbookAnchors()).as("headings of docs/runbook.md").contains(anchor);
  }

  @Test
  void everyRunbookUrlHasTheSamePrefix() throws IOException {
    // docs/alerting.md tells operators to rewrite one prefix to where they publish the runbook;
    // a rule with a different prefix would keep pointing at the wrong place.
    assertThat(
            alerts()
                .map(r -> r.annotations().get("runbook_url"))
                .map(u -> u.substring(0, u.indexOf('#')))
                .distinct())
        .hasSize(1);
  }

  @Test
  void summariesOfDeviceAlertsNameTheDevice() throws IOException {
    // On-call reads the summary first, in a message grouped by device and peer; everything but
    // the agent's own health is about a device.
    for (Path file : REPO.ruleFiles()) {
      for (RuleFile.Group group : RuleFile.read(file).groups()) {
        if (group.name().equals("tunnelwatch.agent")) {
          continue;
        }
        for (RuleFile.Rule rule : group.rules()) {
          if (rule.isAlert()) {
            assertThat(rule.annotations().get("summary"))
                .as("summary of %s", rule.name())
                .contains("$labels.device");
          }
        }
      }
    }
  }

  @Test
  void everyAgentConditionIsRaisedUnderTheAgentsNameUnlessTheAgentIsConfiguredToDeliverIt()
      throws IOException {
    List<RuleFile.Rule> conditions = new ArrayList<>();
    for (Path file : REPO.ruleFiles()) {
      for (RuleFile.Group group : RuleFile.read(file).groups()) {
        if (group.name().equals("tunnelwatch.conditions")) {
          conditions.addAll(group.rules());
        }
      }
    }
    Map<String, String> kindByAlert = new HashMap<>();
    Pattern kindMatcher = Pattern.compile("tunnelwatch_condition_open\\{kind=\"([a-z0-9_]+)\"}");
    for (RuleFile.Rule rule : conditions) {
      assertThat(rule.isAlert()).as("%s is an alert", rule.name()).isTrue();
      // Alertmanager must see the agent's alert and this one as the same alert: same name, and
      // labels without job, instance or kind (the agent's alerts have none of them).
      assertThat(rule.labels()).as("labels of %s", rule.name()).isNullOrEmpty();
      assertThat(rule.forDuration())
          .as("%s: the agent already waited before opening the condition", rule.name())
          .isNull();
      String expr = rule.expr().replaceAll("\\s+", " ");
      Matcher kind = kindMatcher.matcher(expr);
      assertThat(kind.find()).as("%s selects one condition kind", rule.name()).isTrue();
      String selector = "tunnelwatch_condition_open{kind=\"" + kind.group(1) + "\"}";
      assertThat(expr)
          .as("%s", rule.name())
          .containsPattern("^\\s*max by \\(severity, device, tunnel, peer, flow\\) \\(")
          // A failed scrape (up not 1) keeps the last view for 2 minutes; a successful one
          // without the series resolves at once.
          .contains("or (last_over_time(" + selector + "[2m]) unless on (job, instance) (up == 1))")
          // The path is chosen by configuration: any Alertmanager destination silences the rule,
          // whatever its health, so that no handover makes Prometheus send a false "resolved".
          .contains(
              "unless on (job, instance) last_over_time("
                  + "tunnelwatch_notifications_destination_up{sink=\"alertmanager\"}[2m])")
          .doesNotContain("destination_up{sink=\"alertmanager\"} == 1");
      kindByAlert.put(rule.name(), kind.group(1));
    }

    Map<String, String> expected = new HashMap<>();
    for (EventKind kind : EventKind.values()) {
      if (kind.isCondition()) {
        expected.put(agentAlertName(kind), kind.wireName());
      }
    }
    assertThat(kindByAlert).isEqualTo(expected);
  }

  /**
   * The agent's alert name for a kind (AlertFactory): phase1_failure is TunnelwatchPhase1Failure.
   */
  private static String agentAlertName(EventKind kind) {
    StringBuilder name = new StringBuilder("Tunnelwatch");
    for (String part : kind.wireName().split("_")) {
      name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return name.toString();
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
