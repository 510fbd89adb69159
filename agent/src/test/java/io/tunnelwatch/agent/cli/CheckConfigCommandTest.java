package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private final StringWriter out = new StringWriter();

  private int checkConfig(String yaml) throws IOException {
    return checkConfig(yaml, false);
  }

  private int checkConfig(String yaml, boolean asOption) throws IOException {
    Path file = dir.resolve("tunnelwatch.yml");
    Files.writeString(file, yaml);
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("secret"), "pw\n");
    CommandLine cli = new CommandLine(new TunnelwatchCommand());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return asOption
        ? cli.execute("check-config", "--config", file.toString())
        : cli.execute("check-config", file.toString());
  }

  private static String example() throws IOException {
    return Files.readString(examples().resolve("tunnelwatch.yml"))
        .replace("password_env: TUNNELWATCH_PASSWORD", "password_file: secret")
        // systemd's StateDirectory= makes /var/lib/tunnelwatch; here, a folder of the test's
        .replace("state_dir: /var/lib/tunnelwatch", "state_dir: state");
  }

  @Test
  void listsEveryProblemOfTheFileOnePerLineAndExitsTwo() throws IOException {
    String broken =
        example()
            .replace("host: 100.0.0.1", "host: -oProxyCommand=x")
            .replace(
                "interval: 30s\n    ssh:\n      auth: netops\n      known_hosts: known_hosts\n    events",
                "interval: [30s]\n    ssh:\n      auth: netops\n      known_hosts: known_hosts\n    events")
            .replace("state_dir: state", "state_dir: /proc/tunnelwatch");

    int exit = checkConfig(broken, true);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines().filter(l -> l.startsWith("  ")))
        .containsExactlyInAnyOrder(
            "  devices[0].host: expected a host name (letters, digits and '-' between dots, not"
                + " starting with '-') or an IP address, got '-oProxyCommand=x'",
            "  devices[1].interval: expected a duration like 30s, got a list",
            "  history.state_dir: expected a directory for the agent's files, /proc/tunnelwatch is"
                + " under /proc or /sys");
    assertThat(err.toString()).contains("3 problems");
  }

  @Test
  void anInlineSecretIsAWarningNotAFailure() throws IOException {
    int exit = checkConfig(example().replace("password_file: secret", "password: inline-4417"));

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("OK");
    assertThat(err.toString())
        .contains("warning: auths.netops.password: an inline secret")
        .doesNotContain("inline-4417");
  }

  @Test
  void theShippedExampleIsValidOnceItsSecretExists() throws IOException {
    assertThat(checkConfig(example())).isZero();
    assertThat(checkConfig(example(), true)).isZero();
  }

  @Test
  void aBadConfigExitsNonZeroNamingTheKeyPath() throws IOException {
    String broken =
        example()
            .replace(
                "interval: 30s\n    ssh:\n      auth: netops\n      known_hosts: known_hosts\n  - name: R2",
                "interval: 30s\n    ssh:\n      auth: netops\n      know_hosts: known_hosts\n  - name: R2");

    int exit = checkConfig(broken);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("devices[0].ssh.know_hosts: unknown key 'know_hosts'");
  }

  private static Path examples() {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("examples"))) {
      here = here.getParent();
    }
    assertThat(here).as("examples/ folder above " + Path.of("").toAbsolutePath()).isNotNull();
    return here.resolve("examples");
  }
}
