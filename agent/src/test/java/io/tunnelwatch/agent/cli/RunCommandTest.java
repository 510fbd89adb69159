package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.net.FreePorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  @TempDir Path dir;

  /** What a command printed to stderr, and its exit code. */
  private record Outcome(int exit, String err) {}

  private static Outcome execute(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TunnelwatchCommand());
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Outcome(exit, err.toString());
  }

  /** A configuration of one SSH device, then {@code sections}; its known_hosts file exists. */
  private Path oneDeviceWith(String sections) throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Path config = dir.resolve("tunnelwatch.yml");
    Files.writeString(
        config,
        """
        auths:
          lab: {username: netops, password: not-used}
        modules:
          ipsec: {ssh: {}}
        devices:
          - {name: R1, host: 127.0.0.1, module: ipsec, ssh: {auth: lab, known_hosts: known_hosts}}
        """
            + sections);
    return config;
  }

  @Test
  void anUnreachableHistoryDatabaseIsAOneLineErrorWithoutItsPassword() throws IOException {
    int closedPort = FreePorts.tcp();
    Path config =
        oneDeviceWith(
            """
            history:
              jdbc_url: "jdbc:postgresql://127.0.0.1:%d/tw?user=tw&password=db-pw-4471"
            """
                .formatted(closedPort));

    Outcome run = execute("run", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("cannot open the history store jdbc:postgresql://127.0.0.1:" + closedPort)
        .doesNotContain("db-pw-4471");
  }

  @Test
  void refusesToStartWithTheListCheckConfigPrints() throws IOException {
    Path config = dir.resolve("tunnelwatch.yml");
    Files.writeString(
        config,
        """
        auths:
          lab: {username: netops, password: not-used}
        modules:
          ipsec: {ssh: {}}
        devices:
          - {name: R1, host: -x, module: ipsec, interval: 9999d, ssh: {auth: lab, known_hosts: kh}}
        """);

    Outcome run = execute("run", "--config", config.toString());
    Outcome check = execute("check-config", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(1).isEqualTo(check.exit());
    assertThat(run.err())
        .isEqualTo(check.err())
        .contains("3 problems")
        .contains("devices[0].host:")
        .contains("devices[0].interval: 9999d is longer than the maximum of 1d")
        .contains("devices[0].ssh.known_hosts:")
        .contains("warning: auths.lab.password:");
  }

  @Test
  void aClusterRefusesTheStateDirOfTheCommandLineAsAConfigurationError() throws IOException {
    Path config =
        oneDeviceWith(
            """
            history:
              jdbc_url: "jdbc:postgresql://127.0.0.1:1/tw?user=tw&password=db-pw-4471"
            cluster:
              members: [10.0.0.5:5701, 10.0.0.6:5701]
            """);

    Outcome run =
        execute(
            "run", "--config", config.toString(), "--state-dir", dir.resolve("state").toString());

    assertThat(run.exit()).isEqualTo(CheckConfigCommand.INVALID_CONFIGURATION);
    assertThat(run.err())
        .startsWith(config + ": 1 problem")
        .contains(
            "  --state-dir: a cluster's members must share one history"
                + " (history.jdbc_url: jdbc:postgresql:...), not --state-dir")
        .contains("warning: auths.lab.password:")
        .doesNotContain("db-pw-4471");
  }
}
