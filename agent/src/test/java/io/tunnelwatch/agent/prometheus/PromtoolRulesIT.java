package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promtool check rules} and {@code promtool test rules} on the shipped files. */
class PromtoolRulesIT {

  private static final RepoLayout REPO = RepoLayout.find();

  @Test
  void theRuleFilesPassPromtoolCheck() throws Exception {
    List<String> argv = new ArrayList<>(List.of("promtool", "check", "rules"));
    REPO.ruleFiles().forEach(p -> argv.add(p.toString()));
    assertThat(REPO.ruleFiles()).isNotEmpty();

    CommandResult result = ProcessRunner.runIn(REPO.root(), argv.toArray(String[]::new));

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void theRuleUnitTestsPass() throws Exception {
    List<String> argv = new ArrayList<>(List.of("promtool", "test", "rules"));
    REPO.ruleTests().forEach(p -> argv.add(p.toString()));
    assertThat(REPO.ruleTests()).hasSizeGreaterThanOrEqualTo(4);

    CommandResult result = ProcessRunner.runIn(REPO.root(), argv.toArray(String[]::new));

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(result.output()).doesNotContain("FAILED");
  }

  @Test
  void promtoolRejectsABrokenExpression(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.rules.yml");
    Files.writeString(
        broken,
        """
        groups:
          - name: broken
            rules:
              - alert: Broken
                expr: rate(tunnelwatch_tunnel_receive_bytes_total[5m] > 0
        """);

    CommandResult result =
        ProcessRunner.runIn(dir, "promtool", "check", "rules", "broken.rules.yml");

    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void aRuleTestExpectingTheWrongAlertFails(@TempDir Path dir) throws Exception {
    // Guards the rule tests themselves: promtool must evaluate our rules and compare, so an
    // expectation contradicting the rule has to fail. R2's tunnel is down, but its agent
    // delivers to Alertmanager itself, so the rules must not raise it a second time.
    Files.copy(
        REPO.alerts().resolve("tunnelwatch.rules.yml"), dir.resolve("tunnelwatch.rules.yml"));
    Files.writeString(
        dir.resolve("wrong.test.yml"),
        """
        rule_files: [tunnelwatch.rules.yml]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'tunnelwatch_notifications_destination_up{job="tunnelwatch",instance="a:9417",sink="alertmanager",destination="http://am:9093"}'
                values: '1 1 1 1 1'
              - series: 'tunnelwatch_condition_open{job="tunnelwatch",instance="a:9417",kind="tunnel_down",severity="critical",device="R2",tunnel="Tunnel12",peer="100.0.0.1"}'
                values: '1 1 1 1 1'
            alert_rule_test:
              - eval_time: 4m
                alertname: TunnelwatchTunnelDown
                exp_alerts:
                  - exp_labels: {severity: critical, device: R2, tunnel: Tunnel12, peer: 100.0.0.1}
        """);

    CommandResult result = ProcessRunner.runIn(dir, "promtool", "test", "rules", "wrong.test.yml");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).contains("FAILED");
  }
}
