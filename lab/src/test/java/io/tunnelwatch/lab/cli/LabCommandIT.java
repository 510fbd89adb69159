package io.tunnelwatch.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code lab} as a user runs it: a separate JVM, its printed inventory, its errors. */
class LabCommandIT {

  private static Process launch(String... args) throws IOException {
    ProcessBuilder builder =
        ChildJvm.of(LabCommand.class, args).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("TUNNELWATCH_LAB_PASSWORD", "lab-test-password");
    builder.environment().put("TUNNELWATCH_LAB_COMMUNITY", "t3st");
    return builder.start();
  }

  @Test
  void scaleLabPrintsAnInventoryThatNetSnmpCanFollow() throws Exception {
    Process lab =
        launch(
            "--scale",
            "4x2",
            "--snmp-port",
            "0",
            "--lab-control",
            "127.0.0.1:0",
            "--inventory",
            "-");
    try {
      String text = untilRunning(lab);
      assertThat(text.split("\"name\":").length - 1).isEqualTo(4);
      Matcher r3 =
          Pattern.compile("\"name\":\"R3\".*?\"snmp\":\\{\"host\":\"([0-9.]+)\",\"port\":(\\d+)")
              .matcher(text);
      assertThat(r3.find()).as(text).isTrue();
      assertThat(r3.group(1)).isEqualTo("127.0.0.3");
      // stdout only: a fresh machine's snmpget notes "Created directory" on stderr
      String name =
          ProcessRunner.run(
                  "snmpget",
                  "-v2c",
                  "-c",
                  "t3st",
                  "-Oqv",
                  "udp:" + r3.group(1) + ":" + r3.group(2),
                  "1.3.6.1.2.1.1.5.0")
              .requireSuccess()
              .stdout();
      assertThat(name.strip()).isEqualTo("\"R3\"");
    } finally {
      lab.destroy();
      lab.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void sshRoutersGivesOnlyTheFirstRoutersAnSshFace() throws Exception {
    Process lab =
        launch(
            "--scale",
            "6x2",
            "--ssh-routers",
            "2",
            "--snmp-port",
            "0",
            "--lab-control",
            "127.0.0.1:0",
            "--inventory",
            "-");
    try {
      String text = untilRunning(lab);
      assertThat(text).containsPattern("\"name\":\"R2\",\"site\":\"[^\"]+\",\"ssh\":\\{");
      assertThat(text).containsPattern("\"name\":\"R3\",\"site\":\"[^\"]+\",\"ssh\":null");
      assertThat(text.split("\"ssh\":null").length - 1).isEqualTo(4);
    } finally {
      lab.destroy();
      lab.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** What the lab printed before {@link LabCommand#RUNNING}, which it must print. */
  private static String untilRunning(Process lab) throws IOException {
    StringBuilder out = new StringBuilder();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null && !line.equals(LabCommand.RUNNING)) {
      out.append(line).append('\n');
    }
    assertThat(line).as(out.toString()).isNotNull();
    return out.toString();
  }

  @Test
  void sshRoutersBeyondTheRoutersAreRefused() throws Exception {
    ProcessBuilder builder =
        ChildJvm.of(LabCommand.class, "--scale", "4x2", "--ssh-routers", "5")
            .redirectErrorStream(true);
    builder.environment().put("TUNNELWATCH_LAB_PASSWORD", "lab-test-password");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("SSH routers must be 0 to 4 (the number of routers), got 5");
  }

  @Test
  void aBadScaleNamesTheExpectedForm() throws Exception {
    ProcessBuilder builder =
        ChildJvm.of(LabCommand.class, "--scale", "200by4").redirectErrorStream(true);
    builder.environment().put("TUNNELWATCH_LAB_PASSWORD", "lab-test-password");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("scale must be ROUTERSxTUNNELS, e.g. 200x4, got '200by4'");
  }
}
