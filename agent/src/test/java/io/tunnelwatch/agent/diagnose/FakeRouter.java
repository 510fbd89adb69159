package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.CliSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A router for the ladder's logic tests: answers each command from a function, records them. */
final class FakeRouter implements CliSession {

  final List<String> sent = new ArrayList<>();
  private final Function<String, String> answers;

  FakeRouter(Function<String, String> answers) {
    this.answers = answers;
  }

  @Override
  public String execute(String command, Duration timeout) throws CliException {
    sent.add(command);
    return answers.apply(command);
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
