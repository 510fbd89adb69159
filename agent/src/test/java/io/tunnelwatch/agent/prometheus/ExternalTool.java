package io.tunnelwatch.agent.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of Debian's Prometheus command-line tools and collects what it printed. */
final class ExternalTool {

  /** Exit code and everything the tool wrote to stdout and stderr. */
  record Result(List<String> command, int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return String.join(" ", command) + " -> exit " + exitCode + "\n" + output;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private ExternalTool() {}

  /**
   * Runs {@code command}; the first element is looked up on the PATH.
   *
   * @throws IllegalStateException if the tool is not installed (naming the Debian package)
   */
  static Result run(Path workingDir, String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(command));
    argv.set(0, binary(command[0]).toString());
    Process process =
        new ProcessBuilder(argv).directory(workingDir.toFile()).redirectErrorStream(true).start();
    // The tools print little; reading after exit cannot dead-lock on a full pipe buffer this small,
    // but read concurrently anyway so a chatty failure cannot hang the test.
    byte[][] output = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                output[0] = process.getInputStream().readAllBytes();
              } catch (IOException e) {
                output[0] = ("(output unreadable: " + e.getMessage() + ")").getBytes();
              }
            });
    reader.start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", argv) + " did not finish in " + TIMEOUT);
    }
    reader.join(TIMEOUT.toMillis());
    return new Result(argv, process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
  }

  /** The absolute path of an executable on the PATH. */
  static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        name
            + " is not on the PATH; install the Debian package "
            + (name.equals("amtool") || name.startsWith("prometheus-alertmanager")
                ? "prometheus-alertmanager"
                : "prometheus"));
  }
}
