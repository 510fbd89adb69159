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
    // The route names a receiver that does not exist.
    Files.writeString(
        broken,
        Files.readString(REPO.alertmanagerConfig())
            .replace("receiver: noc-default", "receiver: nobody"));

    CommandResult result = ProcessRunner.runIn(dir, "amtool", "check-config", broken.toString());

    assertThat(result.succeeded()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "TunnelwatchAgentDown, critical, noc-pager",
    "TunnelwatchIkeSaDown, critical, noc-pager",
    "TunnelwatchTunnelDrops, warning, noc-chat",
    "SomethingElse, critical, noc-default",
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
}
