package io.tunnelwatch.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs show commands on a lab router over a real SSH exec channel, one kept-open SSH connection,
 * reconnecting when the router dropped it (as a reload does).
 */
final class RouterConsole implements AutoCloseable {
  private final SshClient client;
  private final LabRouter router;
  private final String password;
  private ClientSession session;

  RouterConsole(SshClient client, LabRouter router, String password) {
    this.client = client;
    this.router = router;
    this.password = password;
  }

  /** The command's answer with IOS line ends turned into {@code \n}. */
  String show(String command) {
    try {
      return session().executeRemoteCommand(command).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(router.name() + ": " + command, e);
    }
  }

  /** The answer's lines. */
  List<String> lines(String command) {
    return Arrays.asList(show(command).split("\n"));
  }

  /** The connection used so far, or null; for tests that watch it being dropped. */
  ClientSession currentSession() {
    return session;
  }

  private ClientSession session() throws IOException {
    if (session == null || !session.isOpen()) {
      ClientSession s = Terminal.connect(client, router);
      s.addPasswordIdentity(password);
      s.auth().verify(Terminal.TIMEOUT);
      session = s;
    }
    return session;
  }

  @Override
  public void close() throws IOException {
    if (session != null) {
      session.close(true);
    }
  }
}
