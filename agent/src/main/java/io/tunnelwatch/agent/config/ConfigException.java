package io.tunnelwatch.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used; each problem names the key path and what was expected. */
public final class ConfigException extends Exception {

  private final List<Problem> problems;

  public ConfigException(String source, List<Problem> problems) {
    super(
        source
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem.
   *
   * @param path key path such as {@code devices[1].ssh.port}, or {@code (root)}
   * @param message what is wrong and what was expected
   */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }
}
