package io.tunnelwatch.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.prometheus.RepoLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code amtool} on the example Alertmanager configuration. */
class AlertmanagerConfigIT {

  private static final RepoLayout REPO = RepoLayout.find();

  @Test
  void theExampleConfigPassesAmtool() throws Exception {
    CommandResult result =
        ProcessRunner.runIn(
            REPO.root(), "amtool", "check-config", REPO.alertmanagerConfig().toString());

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(result.output()).contains("SUCCESS").contains("inhibit rules");
  }

  @Test
  void amtoolRejectsAnInvalidConfig(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("alertmanager.yml");
    // Rename the chat receiver: the default route and the warning route now name a receiver
    // that does not exist.
    String config = Files.readString(REPO.alertmanagerConfig());
    String renamed = config.replace("- name: noc-chat", "- name: noc-chat-renamed");
    assertThat(renamed).as("the config defines noc-chat").isNotEqualTo(config);
    Files.writeString(broken, renamed);

    CommandResult result = ProcessRunner.runIn(dir, "amtool", "check-config", broken.toString());

    assertThat(result.succeeded()).as("%s", result).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    // The monitoring itself is broken: pages by name, whatever the severity says.
    "TunnelwatchAgentDown, critical, noc-pager",
    "TunnelwatchAgentDown, warning, noc-pager",
    "TunnelwatchAgentAbsent, critical, noc-pager",
    // The agent cannot deliver its own alerts: nothing it detects reaches anyone.
    "TunnelwatchAlertDeliveryFailing, critical, noc-pager",
    // The agent's conditions, by the severity it gave them.
    "TunnelwatchDeviceUnreachable, critical, noc-pager",
    "TunnelwatchTunnelDown, critical, noc-pager",
    "TunnelwatchPhase1Failure, critical, noc-pager",
    "TunnelwatchPhase2Failure, critical, noc-pager",
    "TunnelwatchCountersStalled, warning, noc-chat",
    "TunnelwatchRenegotiationStorm, warning, noc-chat",
    "TunnelwatchPhase1Failure, warning, noc-chat",
    // Metric rules.
    "TunnelwatchTunnelDrops, warning, noc-chat",
    "TunnelwatchIkeSaExpiring, warning, noc-chat",
    "TunnelwatchIpsecIntegrityFailures, warning, noc-chat",
    // Anything else goes to the default receiver, chat: nothing pages unless it is ours.
    "SomethingElse, critical, noc-chat",
  })
  void routesBySeverity(String alertname, String severity, String receiver) throws Exception {
    CommandResult result =
        ProcessRunner.runIn(
            REPO.root(),
            "amtool",
            "config",
            "routes",
            "test",
            "--config.file=" + REPO.alertmanagerConfig(),
            "--verify.receivers=" + receiver,
            "alertname=" + alertname,
            "severity=" + severity,
            "device=R1",
            "peer=200.0.0.1");

    assertThat(result.succeeded()).as("%s", result).isTrue();
  }

  @Test
  void aWrongReceiverIsReported() throws Exception {
    // Guards routesBySeverity: amtool must compare the receiver, not just parse the config.
    CommandResult result =
        ProcessRunner.runIn(
            REPO.root(),
            "amtool",
            "config",
            "routes",
            "test",
            "--config.file=" + REPO.alertmanagerConfig(),
            "--verify.receivers=noc-chat",
            "alertname=TunnelwatchTunnelDown",
            "severity=critical",
            "device=R1",
            "peer=200.0.0.1");

    assertThat(result.succeeded()).as("%s", result).isFalse();
  }
}
