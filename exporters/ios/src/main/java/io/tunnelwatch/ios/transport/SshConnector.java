package io.tunnelwatch.ios.transport;

import io.tunnelwatch.core.PeerText;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.jspecify.annotations.Nullable;

/**
 * Opens IOS CLI sessions over SSH. One connector (one MINA client, one pool of I/O threads) serves
 * every device; each connection carries the verifier of its device's known_hosts file in its
 * connection context.
 */
public final class SshConnector implements AutoCloseable {

  private static final AttributeKey<HostKeyCheck> HOST_KEY_CHECK = new AttributeKey<>();

  private final SshClient client;
  private final Map<KnownHostsFile, HostKeyVerifier> verifiers = new ConcurrentHashMap<>();

  public SshConnector() {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        (session, remote, key) ->
            session
                .getConnectionContext()
                .getAttribute(HOST_KEY_CHECK)
                .verify(session, remote, key));
    // Devices are polled on a schedule; MINA's own heartbeats are not needed, but an idle timeout
    // shorter than a poll interval would drop the kept-open session between polls.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    // Commands and prompts are small writes; without this, Nagle and delayed ACKs add ~40 ms to
    // every command on a fast link.
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.start();
  }

  /**
   * Connects, verifies the host key, authenticates, opens a shell and prepares it for scripted use
   * ({@code terminal length 0}).
   */
  public SshCliSession open(
      SshTarget target, Duration commandTimeout, SshCliSession.OutputLimits limits)
      throws CliException {
    HostKeyCheck hostKeyCheck = new HostKeyCheck(verifierFor(target));
    ClientSession session = connect(target, hostKeyCheck);
    try {
      authenticate(session, target, hostKeyCheck);
      ChannelShell shell = session.createShellChannel(ptyConfiguration(), Map.of());
      ShellOutputBuffer output = new ShellOutputBuffer();
      shell.setOut(output);
      shell.setErr(output);
      shell.open().verify(target.connectTimeout());
      SshCliSession cli = new SshCliSession(target.device(), session, shell, output, limits);
      cli.prepare(commandTimeout);
      return cli;
    } catch (CliException e) {
      closeQuietly(session);
      throw e;
    } catch (IOException e) {
      closeQuietly(session);
      throw new CliException(
          CliException.Kind.PROTOCOL,
          "cannot open a shell on " + target.address() + ": " + rootMessage(e),
          e);
    }
  }

  private ClientSession connect(SshTarget target, HostKeyCheck hostKeyCheck) throws CliException {
    try {
      ConnectFuture future =
          client.connect(
              target.username(),
              target.host(),
              target.port(),
              AttributeRepository.ofKeyValuePair(HOST_KEY_CHECK, hostKeyCheck),
              null);
      return future.verify(target.connectTimeout()).getSession();
    } catch (IOException e) {
      throw new CliException(
          CliException.Kind.CONNECT,
          "cannot connect to " + target.address() + ": " + rootMessage(e),
          e);
    }
  }

  /** The verifier shared by every device that names the same known_hosts file. */
  HostKeyVerifier verifierFor(SshTarget target) {
    return verifiers.computeIfAbsent(
        new KnownHostsFile(
            target.knownHosts().toAbsolutePath().normalize(), target.trustOnFirstUse()),
        file -> new HostKeyVerifier(file.path(), file.trustOnFirstUse()));
  }

  private record KnownHostsFile(Path path, boolean trustOnFirstUse) {}

  /**
   * One connection's host key check and, when it refused the key, why. Kept by the caller rather
   * than read back from the session: a session closed by the refusal may have dropped its
   * attributes by the time the login fails, and the refusal would pass for a connection error.
   */
  private static final class HostKeyCheck {
    private final HostKeyVerifier verifier;
    private volatile @Nullable String rejection;

    HostKeyCheck(HostKeyVerifier verifier) {
      this.verifier = verifier;
    }

    boolean verify(ClientSession session, SocketAddress remote, PublicKey key) {
      boolean accepted = verifier.verifyServerKey(session, remote, key);
      if (!accepted) {
        rejection = HostKeyVerifier.rejection(session);
      }
      return accepted;
    }

    @Nullable String rejection() {
      return rejection;
    }
  }

  private void authenticate(ClientSession session, SshTarget target, HostKeyCheck hostKeyCheck)
      throws CliException {
    try {
      if (target.credentials() instanceof SshCredentials.Password p) {
        session.addPasswordIdentity(p.password());
      } else if (target.credentials() instanceof SshCredentials.PrivateKey k) {
        loadKeys(session, k).forEach(session::addPublicKeyIdentity);
      }
      session.auth().verify(target.connectTimeout());
    } catch (IOException e) {
      String rejection = hostKeyCheck.rejection();
      if (rejection != null) {
        throw new CliException(CliException.Kind.HOST_KEY_REJECTED, rejection, e);
      }
      if (e instanceof SshException && isAuthFailure(e)) {
        throw new CliException(
            CliException.Kind.AUTHENTICATION,
            "authentication as " + target.username() + " failed on " + target.address(),
            null);
      }
      throw new CliException(
          CliException.Kind.CONNECT,
          "cannot log in to " + target.address() + ": " + rootMessage(e),
          e);
    }
  }

  private static Iterable<KeyPair> loadKeys(ClientSession session, SshCredentials.PrivateKey key)
      throws IOException {
    return PrivateKeyFile.load(session, key.keyFile(), FilePasswordProvider.of(key.passphrase()));
  }

  private static boolean isAuthFailure(Throwable e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("no more authentication methods");
  }

  private static PtyChannelConfiguration ptyConfiguration() {
    PtyChannelConfiguration pty = new PtyChannelConfiguration();
    pty.setPtyType("vt100");
    // Wide enough that IOS never wraps a table row.
    pty.setPtyColumns(511);
    pty.setPtyLines(0);
    return pty;
  }

  /**
   * The innermost cause's message, escaped: MINA's messages carry what the peer sent (its
   * identification line, its disconnect reason), which must not forge log lines.
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : PeerText.escape(message);
  }

  private static void closeQuietly(ClientSession session) {
    session.close(true);
  }

  @Override
  public void close() {
    client.stop();
  }
}
