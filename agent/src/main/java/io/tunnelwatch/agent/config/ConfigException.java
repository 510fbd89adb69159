package io.tunnelwatch.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used: every problem found in it, each naming the key path and what
 * was expected.
 */
public final class ConfigException extends Exception {

  private final List<Problem> problems;
  private final List<Problem> warnings;

  public ConfigException(String source, List<Problem> problems) {
    this(source, problems, List.of());
  }

  /**
   * @param warnings what is usable but discouraged (an inline secret), found alongside the problems
   */
  public ConfigException(String source, List<Problem> problems, List<Problem> warnings) {
    super(
        source
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
    this.warnings = List.copyOf(warnings);
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<Problem> warnings() {
    return warnings;
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
