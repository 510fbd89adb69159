package io.tunnelwatch.testing.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class run in its own JVM, on the test's own Java and class path: for tests that must see a
 * process start, print, exit with a code or be killed.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** A process builder for {@code java -cp <test class path> main args...}; not started yet. */
  public static ProcessBuilder of(Class<?> main, String... args) {
    return of(List.of(), main, args);
  }

  /**
   * A process builder for {@code java jvmOptions -cp <test class path> main args...}, e.g. with
   * {@code -Xmx96m} to show that a bound holds; not started yet.
   */
  public static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(coverageAgent());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * The JaCoCo agent this JVM runs with, if any: the child records what it executes in the same
   * file (JaCoCo appends under a file lock), so code that only a child process runs, such as the
   * signal handling of {@code tunnelwatch run}, counts toward the module's coverage floor.
   */
  private static List<String> coverageAgent() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-javaagent:") && arg.contains("jacoco"))
        .toList();
  }
}
