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

  private int checkConfig(String yaml) throws IOException {
    Path file = dir.resolve("tunnelwatch.yml");
    Files.writeString(file, yaml);
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("secret"), "pw\n");
    CommandLine cli = new CommandLine(new TunnelwatchCommand());
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("check-config", file.toString());
  }

  @Test
  void theShippedExampleIsValidOnceItsSecretExists() throws IOException {
    String example =
        Files.readString(examples().resolve("tunnelwatch.yml"))
            .replace("password_env: TUNNELWATCH_PASSWORD", "password_file: secret")
            // systemd's StateDirectory= makes /var/lib/tunnelwatch; here, a folder of the test's
            .replace("state_dir: /var/lib/tunnelwatch", "state_dir: state");

    assertThat(checkConfig(example)).isZero();
  }

  @Test
  void aBadConfigExitsNonZeroNamingTheKeyPath() throws IOException {
    String broken =
        Files.readString(examples().resolve("tunnelwatch.yml"))
            .replace("password_env: TUNNELWATCH_PASSWORD", "password_file: secret")
            // systemd's StateDirectory= makes /var/lib/tunnelwatch; here, a folder of the test's
            .replace("state_dir: /var/lib/tunnelwatch", "state_dir: state")
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
