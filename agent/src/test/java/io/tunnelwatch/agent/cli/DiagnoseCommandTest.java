package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diagnose}'s command line: exit codes, formats and what it refuses before connecting. */
class DiagnoseCommandTest {

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  /** A configuration whose one device listens nowhere: a port just freed on loopback. */
  private Path config() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(dir.resolve("known_hosts"), "");
    Path file = dir.resolve("tunnelwatch.yml");
    Files.writeString(
        file,
        """
        auths:
          lab: {username: netops, password: diag-secret-51}
        modules:
          ipsec_gre: {ssh: {connect_timeout: 2s, command_timeout: 2s}}
        devices:
          - name: R1
            host: 127.0.0.1
            module: ipsec_gre
            ssh: {port: %d, auth: lab, known_hosts: %s}
        """
            .formatted(closedPort, dir.resolve("known_hosts")));
    return file;
  }

  private int diagnose(String... args) {
    CommandLine cli = new CommandLine(new TunnelwatchCommand());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    String[] all = new String[args.length + 1];
    all[0] = "diagnose";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void aDeviceThatCannotBeReachedFailsRung1AndExitsThree() throws IOException {
    int exit = diagnose("--config", config().toString(), "R1");

    assertThat(exit).isEqualTo(DiagnoseCommand.A_RUNG_FAILS);
    assertThat(out.toString())
        .startsWith("R1: failing")
        .contains("FAILS at rung 1, reach_device")
        .doesNotContain("diag-secret-51");
  }

  @Test
  void jsonSaysTheSame() throws IOException {
    int exit = diagnose("--config", config().toString(), "R1", "--format", "json");

    assertThat(exit).isEqualTo(DiagnoseCommand.A_RUNG_FAILS);
    assertThat(out.toString())
        .contains("\"device\" : \"R1\"")
        .contains("\"failing_rung\" : \"reach_device\"");
  }

  @Test
  void anUnknownDeviceOrAPeerThatIsNoAddressExitsOne() throws IOException {
    Path file = config();

    assertThat(diagnose("--config", file.toString(), "R9")).isEqualTo(1);
    assertThat(err.toString()).contains("diagnose: no device R9 in the configuration");
    assertThat(diagnose("--config", file.toString(), "R1", "--peer", "not-an-address"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("not an IP address");
  }

  @Test
  void aBadCounterIntervalIsAUsageError() throws IOException {
    assertThat(diagnose("--config", config().toString(), "R1", "--counter-interval", "2h"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--counter-interval: expected 0s to 1m, got 2h");
  }
}
