package io.tunnelwatch.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** A scripted interactive SSH session to a lab router, for tests. */
final class Terminal implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final SshClient client;
  private final ClientSession session;
  private final ChannelShell shell;
  private final OutputStream toRouter;
  private final StringBuffer received = new StringBuffer();
  private int consumed;

  private Terminal(SshClient client, ClientSession session, ChannelShell shell) throws IOException {
    this.client = client;
    this.session = session;
    this.shell = shell;
    this.toRouter = shell.getInvertedIn();
    InputStream fromRouter = shell.getInvertedOut();
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try {
                int n;
                while ((n = fromRouter.read(buffer)) >= 0) {
                  received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // channel closed
              }
            },
            "terminal-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects with a password; the shell channel requests a PTY or not. */
  static Terminal open(LabRouter router, String password, boolean pty) throws IOException {
    SshClient client = client();
    ClientSession session = connect(client, router);
    session.addPasswordIdentity(password);
    session.auth().verify(TIMEOUT);
    return shell(client, session, pty);
  }

  /** Connects as another user than the lab's main one. */
  static Terminal open(LabRouter router, String username, String password) throws IOException {
    SshClient client = client();
    ClientSession session =
        client.connect(username, router.sshHost(), router.sshPort()).verify(TIMEOUT).getSession();
    session.addPasswordIdentity(password);
    session.auth().verify(TIMEOUT);
    return shell(client, session, true);
  }

  static Terminal open(LabRouter router, java.security.KeyPair key) throws IOException {
    SshClient client = client();
    ClientSession session = connect(client, router);
    session.addPublicKeyIdentity(key);
    session.auth().verify(TIMEOUT);
    return shell(client, session, true);
  }

  static SshClient client() {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    return client;
  }

  static ClientSession connect(SshClient client, LabRouter router) throws IOException {
    return client
        .connect(router.username(), router.sshHost(), router.sshPort())
        .verify(TIMEOUT)
        .getSession();
  }

  private static Terminal shell(SshClient client, ClientSession session, boolean pty)
      throws IOException {
    ChannelShell shell = session.createShellChannel();
    shell.setUsePty(pty);
    shell.open().verify(TIMEOUT);
    return new Terminal(client, session, shell);
  }

  /** Sends raw characters. */
  void type(String keys) throws IOException {
    toRouter.write(keys.getBytes(StandardCharsets.UTF_8));
    toRouter.flush();
  }

  /** Waits until the router's output (since the last read) ends with {@code suffix}; returns it. */
  String readUntilEndsWith(String suffix) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> received.substring(consumed).endsWith(suffix));
    return take();
  }

  /** Everything received since the last read. */
  String take() {
    String text = received.substring(consumed);
    consumed += text.length();
    return text;
  }

  /** Types a command and Enter, waits for the next prompt, returns all that came back. */
  String command(String line, String prompt) throws IOException {
    type(line + "\r");
    return readUntilEndsWith("\r\n" + prompt);
  }

  boolean isClosed() {
    return shell.isClosed();
  }

  ClientSession session() {
    return session;
  }

  @Override
  public void close() throws IOException {
    shell.close(true);
    session.close(true);
    client.stop();
  }
}
