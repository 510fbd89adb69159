package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys: known_hosts lines that clients accept, persistence, and deliberate key changes. */
class HostKeyTest {
  @TempDir Path dir;

  @Test
  void knownHostsLineIsAcceptedAndAChangedKeyIsRefused() throws IOException {
    try (RunningLab lab = ReferenceLab.start(LabOptions.defaults())) {
      LabRouter r1 = lab.router("R1");
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, r1.knownHostsLine() + "\n");
      assertThat(loginWithKnownHosts(r1, knownHosts)).isTrue();

      PublicKey before = r1.hostPublicKey();
      int port = r1.sshPort();
      r1.restartSsh(true);
      assertThat(r1.sshPort()).isEqualTo(port);
      assertThat(r1.hostPublicKey()).isNotEqualTo(before);
      assertThatThrownBy(() -> loginWithKnownHosts(r1, knownHosts)).isInstanceOf(IOException.class);

      r1.restartSsh(false);
      assertThat(r1.hostPublicKey()).isEqualTo(lab.router("R1").hostPublicKey());
    }
  }

  @Test
  void persistedKeysSurviveALabRestart() throws IOException {
    LabOptions options = LabOptions.builder().hostKeyDir(dir.resolve("keys")).build();
    PublicKey r1Key;
    PublicKey r2Key;
    try (RunningLab lab = ReferenceLab.start(options)) {
      r1Key = lab.router("R1").hostPublicKey();
      r2Key = lab.router("R2").hostPublicKey();
      assertThat(r1Key).isNotEqualTo(r2Key);
    }
    assertThat(dir.resolve("keys/R1-hostkey")).exists();
    try (RunningLab lab = ReferenceLab.start(options)) {
      assertThat(lab.router("R1").hostPublicKey()).isEqualTo(r1Key);
      assertThat(lab.router("R2").hostPublicKey()).isEqualTo(r2Key);
      lab.router("R1").restartSsh(true);
      assertThat(lab.router("R1").hostPublicKey()).isNotEqualTo(r1Key);
    }
    try (RunningLab lab = ReferenceLab.start(options)) {
      // The replacement was persisted too.
      assertThat(lab.router("R1").hostPublicKey()).isNotEqualTo(r1Key);
    }
  }

  @Test
  void stoppedRouterRefusesConnections() throws IOException {
    try (RunningLab lab = ReferenceLab.start(LabOptions.defaults())) {
      LabRouter r2 = lab.router("R2");
      r2.stopSsh();
      SshClient client = Terminal.client();
      try {
        assertThatThrownBy(() -> Terminal.connect(client, r2)).isInstanceOf(IOException.class);
      } finally {
        client.stop();
      }
      r2.startSsh();
      try (Terminal t = Terminal.open(r2, "cisco", true)) {
        assertThat(t.readUntilEndsWith("R2#")).endsWith("R2#");
      }
    }
  }

  private static boolean loginWithKnownHosts(LabRouter router, Path knownHosts) throws IOException {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
    client.start();
    try (ClientSession session = Terminal.connect(client, router)) {
      session.addPasswordIdentity("cisco");
      session.auth().verify(Terminal.TIMEOUT);
      return session.isAuthenticated();
    } finally {
      client.stop();
    }
  }
}
