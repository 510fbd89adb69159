package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.CliSession;
import java.time.Duration;

/**
 * A CLI session that only runs {@link AllowedCommand}s. The session is the diagnosis' own, opened
 * for it and closed after it.
 */
public final class DiagnosticCli implements AutoCloseable {

  private final String device;
  private final CliSession session;
  private final Duration timeout;

  /**
   * @param timeout each command's deadline; a ping's is longer by its own worst case
   */
  public DiagnosticCli(String device, CliSession session, Duration timeout) {
    this.device = device;
    this.session = session;
    this.timeout = timeout;
  }

  public String device() {
    return device;
  }

  String run(AllowedCommand command) throws CliException {
    Duration deadline =
        command.text().startsWith("ping ")
            ? timeout.plusSeconds(AllowedCommand.PING_REPEAT)
            : timeout;
    return session.execute(command.text(), deadline);
  }

  @Override
  public void close() {
    session.close();
  }
}
