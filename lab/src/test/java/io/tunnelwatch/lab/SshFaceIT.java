package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routers' SSH face, driven by MINA's client over real TCP on loopback. */
class SshFaceIT {
  static final String PROMPT = "R1#";

  static ManualClock clock;
  static KeyPair userKey;
  static RunningLab lab;
  static LabRouter r1;

  @BeforeAll
  static void startLab() throws Exception {
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    userKey = generator.generateKeyPair();
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials("netops", "s3cret")
                .authorizedKey(userKey.getPublic())
                .clock(clock)
                .build());
    r1 = lab.router("R1");
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }

  @AfterEach
  void clearFaults() {
    r1.clearCommandFaults();
  }

  @Test
  void handleDescribesTheRouters() {
    assertThat(r1.name()).isEqualTo("R1");
    assertThat(r1.sshHost()).isEqualTo("127.0.0.1");
    assertThat(r1.sshPort()).isPositive();
    assertThat(lab.router("R2").sshPort()).isPositive().isNotEqualTo(r1.sshPort());
    assertThat(r1.username()).isEqualTo("netops");
    assertThat(r1.knownHostsLine())
        .startsWith("[127.0.0.1]:" + r1.sshPort() + " ecdsa-sha2-nistp256 AAAA");
  }

  @Test
  void shellWithPtyEchoesAndAnswersLikeIos() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      assertThat(t.readUntilEndsWith(PROMPT)).isEqualTo("\r\n" + PROMPT);
      assertThat(t.command("terminal length 0", PROMPT)).isEqualTo("terminal length 0\r\nR1#");
      assertThat(t.command("terminal width 0", PROMPT)).isEqualTo("terminal width 0\r\nR1#");
      String expected =
          "show crypto isakmp sa\r\n" + r1.execute("show crypto isakmp sa").replace("\n", "\r\n");
      assertThat(t.command("show crypto isakmp sa", PROMPT)).isEqualTo(expected + PROMPT);
      assertThat(t.command("", PROMPT)).isEqualTo("\r\nR1#");
    }
  }

  @Test
  void shellWithoutPtyBehavesTheSame() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", false)) {
      t.readUntilEndsWith(PROMPT);
      t.command("terminal length 0", PROMPT);
      String answer = t.command("sh cry session", PROMPT);
      assertThat(answer)
          .startsWith(
              "sh cry session\r\nCrypto session current status\r\n\r\nInterface: Tunnel10\r\n")
          .doesNotContain("\n\n");
      // A client that sends LF alone, or CR LF, gets one command per line.
      t.type("show clock\n");
      assertThat(t.readUntilEndsWith(PROMPT)).startsWith("show clock\r\n*10:00:00.000 UTC");
      t.type("show clock\r\n");
      assertThat(t.readUntilEndsWith(PROMPT))
          .startsWith("show clock\r\n*10:00:00.000 UTC")
          .endsWith("\r\nR1#");
    }
  }

  @Test
  void invalidInputGetsTheCaret() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      assertThat(t.command("show crypto foo", PROMPT))
          .isEqualTo(
              "show crypto foo\r\n"
                  + "               ^\r\n"
                  + "% Invalid input detected at '^' marker.\r\n"
                  + "\r\n"
                  + "R1#");
    }
  }

  @Test
  void backspaceEditsTheLine() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      t.type("show clocx\u007fk\r");
      assertThat(t.readUntilEndsWith(PROMPT)).startsWith("show clocx\b \bk\r\n*10:00:00.000 UTC");
    }
  }

  @Test
  void longOutputPagesUntilTerminalLengthZero() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      t.type("show interfaces\r");
      String firstPage = t.readUntilEndsWith(" --More-- ");
      assertThat(firstPage.split("\r\n")).hasSize(1 + 23 + 1);
      t.type(" ");
      t.readUntilEndsWith(" --More-- ");
      t.type("q");
      assertThat(t.readUntilEndsWith(PROMPT)).endsWith(PROMPT);
      t.command("terminal length 0", PROMPT);
      assertThat(t.command("show interfaces", PROMPT)).doesNotContain("--More--");
    }
  }

  @Test
  void exitClosesTheSession() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      t.type("exit\r");
      await().atMost(Terminal.TIMEOUT).until(t::isClosed);
    }
  }

  @Test
  void execChannelAnswersOneCommand() throws IOException {
    SshClient client = Terminal.client();
    try (ClientSession session = Terminal.connect(client, r1)) {
      session.addPasswordIdentity("s3cret");
      session.auth().verify(Terminal.TIMEOUT);
      String answer = session.executeRemoteCommand("show processes cpu | include CPU utilization");
      assertThat(answer)
          .matches(
              "CPU utilization for five seconds: \\d%/\\d%; one minute: \\d%; five minutes: \\d%\r\n");
    } finally {
      client.stop();
    }
  }

  @Test
  void wrongPasswordAndUnknownUserAreRefused() throws IOException {
    SshClient client = Terminal.client();
    try {
      try (ClientSession session = Terminal.connect(client, r1)) {
        session.addPasswordIdentity("wrong");
        assertThatThrownBy(() -> session.auth().verify(Terminal.TIMEOUT))
            .isInstanceOf(IOException.class);
      }
      try (ClientSession session =
          client
              .connect("intruder", "127.0.0.1", r1.sshPort())
              .verify(Terminal.TIMEOUT)
              .getSession()) {
        session.addPasswordIdentity("s3cret");
        assertThatThrownBy(() -> session.auth().verify(Terminal.TIMEOUT))
            .isInstanceOf(IOException.class);
      }
    } finally {
      client.stop();
    }
  }

  @Test
  void publicKeyLoginWorksAndUnknownKeysAreRefused() throws Exception {
    try (Terminal t = Terminal.open(r1, userKey)) {
      assertThat(t.readUntilEndsWith(PROMPT)).endsWith(PROMPT);
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair stranger = generator.generateKeyPair();
    assertThatThrownBy(() -> Terminal.open(r1, stranger)).isInstanceOf(IOException.class);
  }

  @Test
  void hungCommandNeverAnswersUntilReleased() throws IOException {
    r1.hangCommand("show crypto ipsec sa");
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      t.command("terminal length 0", PROMPT);
      t.type("sh cry ipsec sa\r");
      t.readUntilEndsWith("sh cry ipsec sa\r\n");
      // Other commands of other sessions still work meanwhile.
      assertThat(r1.execute("show clock")).startsWith("*10:00:00");
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> t.take().isEmpty());
      r1.clearCommandFaults();
      assertThat(t.readUntilEndsWith(PROMPT)).startsWith("interface: GigabitEthernet0/0");
    }
  }

  @Test
  void delayedCommandAnswersLate() throws IOException {
    r1.delayCommand("show clock", Duration.ofMillis(700));
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      long start = System.nanoTime();
      t.command("show clock", PROMPT);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
  }

  @Test
  void droppedConnectionsAreClosed() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      r1.dropConnections();
      await().atMost(Terminal.TIMEOUT).until(t::isClosed);
    }
    // The router keeps listening.
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      assertThat(t.readUntilEndsWith(PROMPT)).endsWith(PROMPT);
    }
  }

  @Test
  void countersMoveWithTheInjectedClockOverSsh() throws IOException {
    try (Terminal t = Terminal.open(r1, "s3cret", true)) {
      t.readUntilEndsWith(PROMPT);
      t.command("terminal length 0", PROMPT);
      String before = t.command("show crypto ipsec sa | include encaps", PROMPT);
      clock.advance(Duration.ofSeconds(20));
      String after = t.command("show crypto ipsec sa | include encaps", PROMPT);
      assertThat(encaps(after)).isEqualTo(encaps(before) + 100);
      clock.advance(Duration.ofSeconds(-20));
    }
  }

  private static long encaps(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("#pkts encaps: (\\d+)").matcher(text);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
