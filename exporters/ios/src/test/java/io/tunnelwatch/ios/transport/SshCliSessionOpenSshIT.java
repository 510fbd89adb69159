package io.tunnelwatch.ios.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.ssh.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSH transport against Debian's OpenSSH server, with keys made by ssh-keygen. */
class SshCliSessionOpenSshIT {

  // Generous: sshd forks per connection and checks the key, which a loaded CI machine can make take
  // seconds; the cases that time out on purpose give their own, shorter deadlines.
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String PASSPHRASE = "key-passphrase-51c2";

  @TempDir static Path dir;
  private static OpenSshServer server;
  private static SshConnector connector;
  private static Path knownHosts;

  /** Client keys by name: type and format as ssh-keygen writes them, with or without passphrase. */
  private static Path key(String name) {
    return dir.resolve("keys").resolve(name);
  }

  @BeforeAll
  static void startServer() throws IOException {
    Files.createDirectories(dir.resolve("keys"));
    Files.createDirectories(dir.resolve("sshd"));
    List<String> authorized = new ArrayList<>();
    authorized.add(keygen("ed25519", "ed25519", "", "RFC4716"));
    authorized.add(keygen("ed25519-passphrase", "ed25519", PASSPHRASE, "RFC4716"));
    authorized.add(keygen("ecdsa", "ecdsa", "", "RFC4716"));
    authorized.add(keygen("rsa", "rsa", "", "RFC4716"));
    authorized.add(keygen("rsa-pem", "rsa", "", "PEM"));
    authorized.add(keygen("rsa-pem-passphrase", "rsa", PASSPHRASE, "PEM"));
    server = OpenSshServer.start(dir.resolve("sshd"), authorized);
    knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    connector = new SshConnector();
  }

  private static String keygen(String name, String type, String passphrase, String format)
      throws IOException {
    // ssh-keygen's "RFC4716" private key format is the OpenSSH one ("BEGIN OPENSSH PRIVATE KEY").
    ProcessRunner.run(
            "ssh-keygen",
            "-q",
            "-t",
            type,
            "-N",
            passphrase,
            "-m",
            format,
            "-f",
            key(name).toString())
        .requireSuccess();
    return Files.readString(key(name).resolveSibling(name + ".pub")).strip();
  }

  @AfterAll
  static void stop() {
    connector.close();
    server.close();
  }

  @BeforeEach
  void behaveNormally() throws IOException {
    server.mode("normal");
    server.bannerBytes(0);
  }

  private static SshTarget target(String keyName, String passphrase) {
    return new SshTarget(
        "R1",
        "127.0.0.1",
        server.port(),
        System.getProperty("user.name"),
        new SshCredentials.PrivateKey(key(keyName), passphrase),
        knownHosts,
        false,
        TIMEOUT);
  }

  private static SshCliSession open(SshCliSession.OutputLimits limits) throws CliException {
    return connector.open(target("ed25519", ""), TIMEOUT, limits);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ed25519,",
    "ed25519-passphrase," + PASSPHRASE,
    "ecdsa,",
    "rsa,",
    "rsa-pem,",
    "rsa-pem-passphrase," + PASSPHRASE
  })
  void logsInWithEveryKindOfKeySshKeygenWrites(String keyName, String passphrase)
      throws CliException {
    SshTarget target = target(keyName, passphrase == null ? "" : passphrase);

    try (SshCliSession session =
        connector.open(target, TIMEOUT, SshCliSession.OutputLimits.DEFAULT)) {
      assertThat(session.prompt()).isEqualTo("R1#");
      assertThat(session.execute("show processes cpu | include CPU", TIMEOUT))
          .startsWith("CPU utilization for five seconds: 3%/0%");
    }
  }

  @Test
  void aDeviceThatNeverStopsTalkingIsCutOffAtTheOutputLimit() throws Exception {
    server.mode("endless");
    SshCliSession.OutputLimits limits = new SshCliSession.OutputLimits(4 << 20, 1 << 20);

    try (SshCliSession session = open(limits)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> session.execute("show crypto ipsec sa", Duration.ofMinutes(1)))
          .isInstanceOfSatisfying(
              CliException.class,
              e -> assertThat(e.kind()).isEqualTo(CliException.Kind.OUTPUT_TOO_LARGE))
          .hasMessageContaining("more than 4194304 bytes");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      assertThat(session.isOpen()).isFalse();
    }
  }

  @Test
  void aDeviceThatTricklesOutputForeverHitsTheCommandTimeout() throws Exception {
    server.mode("trickle");

    try (SshCliSession session = open(SshCliSession.OutputLimits.DEFAULT)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> session.execute("show crypto ipsec sa", Duration.ofSeconds(2)))
          .isInstanceOfSatisfying(
              CliException.class, e -> assertThat(e.kind()).isEqualTo(CliException.Kind.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
      assertThat(session.isOpen()).isFalse();
    }
  }

  @Test
  void aBannerLongerThanItsLimitFailsTheLogin() throws Exception {
    server.bannerBytes(3 << 20);

    assertThatThrownBy(() -> open(new SshCliSession.OutputLimits(4 << 20, 1 << 20)))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> assertThat(e.kind()).isEqualTo(CliException.Kind.OUTPUT_TOO_LARGE))
        .hasMessageContaining("the login prompt");
  }

  @Test
  void aHostileBannerEndsUpInTheMessageAsOneEscapedShortLine() throws Exception {
    server.mode("hostile");
    // long enough for sshd to start the script on a loaded machine; it never prompts

    assertThatThrownBy(
            () ->
                connector.open(
                    target("ed25519", ""),
                    Duration.ofSeconds(4),
                    SshCliSession.OutputLimits.DEFAULT))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.kind()).as(e.getMessage()).isEqualTo(CliException.Kind.TIMEOUT);
              assertThat(e.getMessage())
                  .startsWith(
                      "R1: no prompt within 4000 ms after the login prompt; the last line was"
                          + " '\\x1b[31m\\x00FAKEBBB")
                  .endsWith("B… (716 more)'")
                  .doesNotContain("\n", "\r", "\u001b", "\u0000")
                  .hasSizeLessThan(400);
            });
  }
}
