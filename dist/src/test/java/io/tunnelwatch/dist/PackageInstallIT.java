package io.tunnelwatch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.Daemon;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package as an operator installs it: {@code dpkg -i} on this machine (CI runs as root),
 * the launcher on the PATH, the configuration it ships passing {@code check-config}, a short demo
 * from the installed files, the unit's {@code systemd-analyze security} score, and {@code dpkg
 * --purge} leaving nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageInstallIT {

  private static final Path LAUNCHER = Path.of("/usr/bin/tunnelwatch");
  private static final Path UNIT = Path.of("/lib/systemd/system/tunnelwatch.service");
  private static final ProcessRunner RUNNER =
      ProcessRunner.defaults().withTimeout(Duration.ofMinutes(2));

  @BeforeAll
  void install() throws IOException {
    assertThat(ProcessRunner.run("id", "-u").requireSuccess().stdout().strip())
        .as(
            "installing a package needs root; CI runs as root (leave this module out with -pl '!dist')")
        .isEqualTo("0");
    // A package left by an interrupted run would make this one an upgrade.
    RUNNER.exec(List.of("dpkg", "--purge", "tunnelwatch"));
    RUNNER.exec(List.of("dpkg", "-i", debPackage().toString())).requireSuccess();
  }

  @AfterAll
  void purge() {
    RUNNER.exec(List.of("dpkg", "--purge", "tunnelwatch")).requireSuccess();
    assertThat(LAUNCHER).doesNotExist();
    assertThat(Path.of("/etc/tunnelwatch")).doesNotExist();
    assertThat(Path.of("/var/lib/tunnelwatch")).doesNotExist();
  }

  private static Path debPackage() throws IOException {
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      return built
          .filter(p -> p.getFileName().toString().endsWith("_all.deb"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no .deb in target: run mvn package"));
    }
  }

  private static CommandResult tunnelwatch(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("tunnelwatch"));
    command.addAll(List.of(args));
    return RUNNER.exec(command);
  }

  @Test
  void theLauncherIsOnThePathAndAnswersVersionAndHelp() {
    assertThat(LAUNCHER).isExecutable();
    CommandResult version = tunnelwatch("--version").requireSuccess();
    assertThat(version.output()).contains("0.1.0");
    assertThat(tunnelwatch("run", "--help").requireSuccess().output()).contains("--config.file");
  }

  @Test
  void theShippedConfigurationPassesTheCheck() {
    CommandResult check = tunnelwatch("check-config", "/etc/tunnelwatch/tunnelwatch.yml");

    assertThat(check.exitCode()).as(check.toString()).isZero();
  }

  @Test
  void theServiceUserOwnsItsStateAndAloneReadsThePassword() throws IOException {
    assertThat(ProcessRunner.run("getent", "passwd", "tunnelwatch").succeeded()).isTrue();
    Path password = Path.of("/etc/tunnelwatch/password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
        .isEqualTo("rw-r-----");
    assertThat(Files.getAttribute(password, "posix:group").toString()).isEqualTo("tunnelwatch");
    assertThat(Files.getOwner(Path.of("/var/lib/tunnelwatch")).getName()).isEqualTo("tunnelwatch");
    assertThat(Path.of("/usr/share/tunnelwatch/dashboards/tunnelwatch-fleet.json")).isRegularFile();
    assertThat(Path.of("/usr/share/tunnelwatch/alerts/tunnelwatch.rules.yml")).isRegularFile();
    assertThat(Path.of("/usr/share/tunnelwatch/alerts/tests")).doesNotExist();
  }

  @Test
  void theUnitIsHardenedBelowAnExposureOf3() {
    CommandResult analysis =
        RUNNER.exec(List.of("systemd-analyze", "security", "--offline=yes", UNIT.toString()));
    Matcher overall =
        Pattern.compile("Overall exposure level for tunnelwatch.service: (\\d+\\.\\d+)")
            .matcher(analysis.output());

    assertThat(overall.find()).as(analysis.toString()).isTrue();
    double exposure = Double.parseDouble(overall.group(1));
    System.out.println("systemd-analyze security tunnelwatch.service: " + exposure);
    assertThat(exposure).isLessThan(3.0);
    assertThat(ProcessRunner.run("systemd-analyze", "verify", UNIT.toString()).output())
        .doesNotContain("Unknown key", "Failed");
  }

  @Test
  void theDemoRunsFromTheInstalledFiles(@TempDir Path dir) throws Exception {
    int port = FreePorts.tcp();
    MetricsEndpoint metrics = MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", port));
    try (Daemon demo =
        Daemon.start(
                List.of(
                    "tunnelwatch",
                    "demo",
                    "--listen",
                    "127.0.0.1:" + port,
                    "--interval",
                    "1",
                    "--state-dir",
                    dir.toString()),
                dir.resolve("demo.log"))
            .awaitReady(
                () -> metrics.value("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"}") == 1.0,
                Duration.ofSeconds(60))) {
      assertThat(metrics.value("tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}"))
          .isEqualTo(1.0);
      assertThat(demo.terminate(Duration.ofSeconds(15))).isZero();
    }
  }
}
