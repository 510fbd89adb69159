package io.tunnelwatch.ios.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against the lab's real MINA SSH server. */
class SshCliSessionLabIT {

  private static final String USER = "netops";
  private static final String PASSWORD = "lab-password-7f3a";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static SshConnector connector;
  private static KeyPair clientKey;
  private RunningLab lab;
  private LabRouter r1;
  @TempDir Path dir;
  private Path knownHosts;

  @BeforeAll
  static void startConnector() throws GeneralSecurityException {
    connector = new SshConnector();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    clientKey = generator.generateKeyPair();
  }

  @AfterAll
  static void stopConnector() {
    connector.close();
  }

  @BeforeEach
  void startLab() throws IOException {
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials(USER, PASSWORD)
                .authorizedKey(clientKey.getPublic())
                .hostKeyDir(dir.resolve("hostkeys"))
                .build());
    r1 = lab.router("R1");
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, r1.knownHostsLine() + "\n");
  }

  @AfterEach
  void stopLab() {
    lab.close();
  }

  private SshTarget target(SshCredentials credentials, Path hosts, boolean trustOnFirstUse) {
    return new SshTarget(
        "R1",
        r1.sshHost(),
        r1.sshPort(),
        USER,
        credentials,
        hosts,
        trustOnFirstUse,
        Duration.ofSeconds(5));
  }

  private SshCliSession open() throws CliException {
    return connector.open(
        target(new SshCredentials.Password(PASSWORD), knownHosts, false),
        TIMEOUT,
        SshCliSession.OutputLimits.DEFAULT);
  }

  @Test
  void logsInLearnsThePromptAndReturnsOnlyTheCommandOutput() throws CliException {
    try (SshCliSession session = open()) {
      assertThat(session.prompt()).isEqualTo("R1#");

      String output = session.execute("show crypto isakmp sa", TIMEOUT);

      assertThat(output)
          .startsWith("IPv4 Crypto ISAKMP SA\n")
          .contains("200.0.0.1       100.0.0.1       QM_IDLE")
          .doesNotContain("R1#")
          .doesNotContain("\r");
    }
  }

  @Test
  void devicesNamingOneKnownHostsFileShareOneParsedCopyOfIt() throws IOException {
    SshCredentials password = new SshCredentials.Password(PASSWORD);
    Path sameFileOtherSpelling = dir.resolve("hostkeys").resolve("..").resolve("known_hosts");
    Path otherFile =
        Files.writeString(dir.resolve("other_known_hosts"), r1.knownHostsLine() + "\n");

    HostKeyVerifier first = connector.verifierFor(target(password, knownHosts, false));

    assertThat(connector.verifierFor(target(password, sameFileOtherSpelling, false)))
        .isSameAs(first);
    assertThat(connector.verifierFor(target(password, otherFile, false))).isNotSameAs(first);
    assertThat(connector.verifierFor(target(password, knownHosts, true))).isNotSameAs(first);
  }

  @Test
  void keepsOneSessionForManyCommands() throws CliException {
    try (SshCliSession session = open()) {
      for (int i = 0; i < 5; i++) {
        assertThat(session.execute("show processes cpu | include CPU utilization", TIMEOUT))
            .startsWith("CPU utilization for five seconds");
      }
      assertThat(r1.activeSshSessions()).isEqualTo(1);
    }
  }

  @Test
  void longOutputsArriveWhole() throws CliException {
    try (SshCliSession session = open()) {
      String output = session.execute("show interfaces", TIMEOUT);

      assertThat(output).contains("GigabitEthernet0/0 is up").contains("Tunnel10 is up");
      assertThat(output.stripTrailing())
          .endsWith("0 output buffer failures, 0 output buffers swapped out");
    }
  }

  @Test
  void aCommandThatHangsTimesOutAndClosesTheSession() throws CliException {
    r1.hangCommand("show crypto ipsec sa");
    SshCliSession session = open();

    assertThatThrownBy(() -> session.execute("show crypto ipsec sa", Duration.ofMillis(500)))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.kind()).isEqualTo(CliException.Kind.TIMEOUT));
    assertThat(session.isOpen()).isFalse();
  }

  @Test
  void aDroppedConnectionIsNoticedAndReconnectingRecovers() throws CliException {
    ReconnectingCliSession session =
        new ReconnectingCliSession(
            this::open,
            new ReconnectingCliSession.Backoff(Duration.ofMillis(10), Duration.ofMillis(10)));
    session.execute("show clock", TIMEOUT);

    r1.dropConnections();
    await().atMost(Duration.ofSeconds(5)).until(() -> !session.isOpen());

    assertThat(session.execute("show clock", TIMEOUT)).contains("UTC");
    session.close();
  }

  @Test
  void aChangedHostKeyIsRefusedAndNamed() {
    r1.restartSsh(true);

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CliException.Kind.HOST_KEY_REJECTED);
              assertThat(e.getMessage()).contains("CHANGED").contains("SHA256:");
            });
  }

  @Test
  void anUnknownHostKeyIsRefusedUnlessTrustOnFirstUseIsOn() throws Exception {
    Path empty = dir.resolve("empty_known_hosts");
    Files.writeString(empty, "");
    SshTarget strict = target(new SshCredentials.Password(PASSWORD), empty, false);

    assertThatThrownBy(() -> connector.open(strict, TIMEOUT, SshCliSession.OutputLimits.DEFAULT))
        .isInstanceOfSatisfying(
            CliException.class,
            e ->
                assertThat(e.kind())
                    .as(e.getMessage())
                    .isEqualTo(CliException.Kind.HOST_KEY_REJECTED));

    SshTarget tofu = target(new SshCredentials.Password(PASSWORD), empty, true);
    connector.open(tofu, TIMEOUT, SshCliSession.OutputLimits.DEFAULT).close();
    assertThat(Files.readString(empty)).contains(String.valueOf(r1.sshPort()));
    // Now recorded: strict checking accepts it.
    connector.open(strict, TIMEOUT, SshCliSession.OutputLimits.DEFAULT).close();
  }

  @Test
  void logsInWithAnOpenSshPrivateKeyFile() throws Exception {
    Path keyFile = dir.resolve("id_ecdsa");
    try (OutputStream out = Files.newOutputStream(keyFile)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "tunnelwatch", null, out);
    }
    SshTarget byKey = target(new SshCredentials.PrivateKey(keyFile, ""), knownHosts, false);

    try (SshCliSession session =
        connector.open(byKey, TIMEOUT, SshCliSession.OutputLimits.DEFAULT)) {
      assertThat(session.execute("show clock", TIMEOUT)).contains("UTC");
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() {
    SshTarget wrong = target(new SshCredentials.Password("not-the-password"), knownHosts, false);

    assertThatThrownBy(() -> connector.open(wrong, TIMEOUT, SshCliSession.OutputLimits.DEFAULT))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CliException.Kind.AUTHENTICATION);
              assertThat(e.getMessage()).contains(USER).doesNotContain("not-the-password");
            });
  }

  @Test
  void nothingListeningIsAConnectFailure() throws Exception {
    r1.stopSsh();

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.kind()).isEqualTo(CliException.Kind.CONNECT));
  }
}
