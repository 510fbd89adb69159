package io.tunnelwatch.ios.transport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server on a loopback port with its own configuration, host key and
 * authorized_keys, whose login shell is a scripted stand-in for IOS ({@code ios-shell.sh}).
 */
final class OpenSshServer implements AutoCloseable {

  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  // sshd refuses to start without its privilege separation directory; Debian creates it only when
  // the packaged service starts.
  private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

  private final Path dir;
  private final int port;
  private final Process process;

  private OpenSshServer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts sshd in {@code dir} with an ed25519 host key, accepting the given public keys (OpenSSH
   * authorized_keys lines) for the current user.
   */
  static OpenSshServer start(Path dir, List<String> authorizedKeys)
      throws IOException, InterruptedException {
    Files.createDirectories(PRIVSEP_DIR);
    Path shell = dir.resolve("ios-shell.sh");
    try (InputStream script = OpenSshServer.class.getResourceAsStream("/openssh/ios-shell.sh")) {
      Files.copy(script, shell);
    }
    Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path hostKey = dir.resolve("host_ed25519");
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
    Files.write(dir.resolve("authorized_keys"), authorizedKeys);
    int port = freePort();
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
    Process process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    OpenSshServer server = new OpenSshServer(dir, port, process);
    await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive() || accepts(port));
    if (!process.isAlive()) {
      throw new IOException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
    }
    return server;
  }

  int port() {
    return port;
  }

  /** The known_hosts line for this server's host key. */
  String knownHostsLine() throws IOException {
    return "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_ed25519.pub")).strip();
  }

  /** How the scripted shell answers {@code show crypto ipsec sa} from the next login on. */
  void mode(String mode) throws IOException {
    Files.writeString(dir.resolve("mode"), mode + "\n");
  }

  /** How many bytes the scripted shell prints before its first prompt from the next login on. */
  void bannerBytes(long bytes) throws IOException {
    Files.writeString(dir.resolve("banner-bytes"), bytes + "\n");
  }

  static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
