package io.tunnelwatch.ios.transport;

import java.time.Duration;

/**
 * An interactive IOS command line on one device, kept open across polls.
 *
 * <p>Implementations are not thread safe: the agent never runs two polls of one device at once.
 */
public interface CliSession extends AutoCloseable {

  /**
   * Runs one exec-mode command and returns its output without the command echo and the prompt.
   *
   * @throws CliException when the command cannot be run or does not finish within the timeout
   */
  String execute(String command, Duration timeout) throws CliException;

  /** False once the session is known to be closed or dropped. */
  boolean isOpen();

  /** Closes the session; a closed session cannot execute commands. */
  @Override
  void close();
}
