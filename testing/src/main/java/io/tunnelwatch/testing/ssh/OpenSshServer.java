package io.tunnelwatch.testing.ssh;

import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.Daemon;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Debian's OpenSSH server on a loopback port with its own configuration, ed25519 host key and
 * authorized_keys, whose login shell is a scripted stand-in for IOS ({@code ios-shell.sh}) that can
 * be told to misbehave.
 */
public final class OpenSshServer implements AutoCloseable {

  // sshd refuses to start without its privilege separation directory; Debian creates it only when
  // the packaged service starts.
  private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

  private final Path dir;
  private final int port;
  private final Daemon daemon;

  private OpenSshServer(Path dir, int port, Daemon daemon) {
    this.dir = dir;
    this.port = port;
    this.daemon = daemon;
  }

  /**
   * Starts sshd in {@code dir}, accepting the given public keys (authorized_keys lines) for the
   * user running the test.
   */
  public static OpenSshServer start(Path dir, List<String> authorizedKeys) throws IOException {
    Files.createDirectories(PRIVSEP_DIR);
    Path shell = dir.resolve("ios-shell.sh");
    try (InputStream script = OpenSshServer.class.getResourceAsStream("/openssh/ios-shell.sh")) {
      Files.copy(script, shell);
    }
    Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path hostKey = dir.resolve("host_ed25519");
    ProcessRunner.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString())
        .requireSuccess();
    Files.write(dir.resolve("authorized_keys"), authorizedKeys);
    int port = FreePorts.tcp();
    Path config = dir.resolve("sshd_config");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + hostKey,
            "PidFile " + dir.resolve("sshd.pid"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "AllowUsers " + System.getProperty("user.name"),
            "PermitRootLogin prohibit-password",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "ForceCommand " + shell,
            "LogLevel ERROR",
            ""));
    Daemon daemon =
        Daemon.start(List.of("sshd", "-D", "-e", "-f", config.toString()), dir.resolve("sshd.log"))
            .awaitReady(() -> accepts(port), Duration.ofSeconds(10));
    return new OpenSshServer(dir, port, daemon);
  }

  public int port() {
    return port;
  }

  /** The known_hosts line for this server's host key. */
  public String knownHostsLine() {
    try {
      return "[127.0.0.1]:"
          + port
          + " "
          + Files.readString(dir.resolve("host_ed25519.pub")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How the scripted shell answers {@code show crypto ipsec sa} from the next login on: {@code
   * normal}, {@code endless} (as fast as the link takes it) or {@code trickle} (a line per 0.2 s).
   */
  public void mode(String mode) throws IOException {
    Files.writeString(dir.resolve("mode"), mode + "\n");
  }

  /** How many bytes the scripted shell prints before its first prompt from the next login on. */
  public void bannerBytes(long bytes) throws IOException {
    Files.writeString(dir.resolve("banner-bytes"), bytes + "\n");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    daemon.close();
  }
}
