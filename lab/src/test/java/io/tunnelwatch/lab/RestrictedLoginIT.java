package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's second, level-1 account over real SSH, next to the privileged one: the diagnosis
 * commands a monitoring account runs, and {@code show running-config} refused as IOS refuses it.
 */
class RestrictedLoginIT {
  static final String INVALID_AT_RUNNING_CONFIG =
      " ".repeat("R1>show ".length()) + "^\r\n% Invalid input detected at '^' marker.\r\n\r\n";

  static RunningLab lab;
  static LabRouter r1;
  static SshClient client;

  @BeforeAll
  static void startLab() {
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials("netops", "s3cret")
                .restrictedCredentials("monitor", "m0nitor")
                .clock(new ManualClock(Instant.parse("2026-03-02T10:00:00Z")))
                .build());
    r1 = lab.router("R1");
    client = Terminal.client();
  }

  @AfterAll
  static void stopLab() throws IOException {
    client.close();
    lab.close();
  }

  private static String exec(String user, String password, String command) throws IOException {
    try (ClientSession session =
        client.connect(user, r1.sshHost(), r1.sshPort()).verify(Terminal.TIMEOUT).getSession()) {
      session.addPasswordIdentity(password);
      session.auth().verify(Terminal.TIMEOUT);
      return session.executeRemoteCommand(command);
    }
  }

  @Test
  void restrictedUserRunsDiagnosisButNotTheRunningConfig() throws IOException {
    assertThat(exec("monitor", "m0nitor", "show running-config | section crypto"))
        .isEqualTo(INVALID_AT_RUNNING_CONFIG);
    assertThat(exec("monitor", "m0nitor", "show crypto session"))
        .contains("Session status: UP-ACTIVE");
    assertThat(exec("monitor", "m0nitor", "ping 10.0.0.2 source Tunnel10"))
        .contains("Packet sent with a source address of 10.0.0.1 \r\n!!!!!\r\n")
        .contains("Success rate is 100 percent (5/5)");
  }

  @Test
  void privilegedUserStillSeesTheConfiguration() throws IOException {
    assertThat(exec("netops", "s3cret", "show running-config | section crypto map"))
        .isEqualTo(r1.execute("show running-config | section crypto map").replace("\n", "\r\n"))
        .startsWith("crypto map CMAP 10 ipsec-isakmp\r\n");
  }

  @Test
  void restrictedShellPromptsWithTheUserExecMark() throws IOException {
    try (Terminal t = Terminal.open(r1, "monitor", "m0nitor")) {
      assertThat(t.readUntilEndsWith("R1>")).isEqualTo("\r\nR1>");
      assertThat(t.command("show run", "R1>"))
          .isEqualTo(
              "show run\r\n"
                  + " ".repeat("R1>show ".length())
                  + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1>");
      assertThat(t.command("enable", "R1>")).isEqualTo("enable\r\n% No password set\r\nR1>");
    }
  }

  @Test
  void eachAccountNeedsItsOwnPassword() {
    assertThatThrownBy(() -> exec("monitor", "s3cret", "show clock"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> exec("netops", "m0nitor", "show clock"))
        .isInstanceOf(IOException.class);
  }
}
