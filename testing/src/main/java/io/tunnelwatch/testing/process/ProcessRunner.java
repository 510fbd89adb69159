package io.tunnelwatch.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line tool to completion and collects its stdout and stderr separately. Each stream
 * goes to its own temporary file, so a chatty tool can neither dead-lock on a full pipe nor mix its
 * notices into the output a test parses.
 *
 * @param workingDir where the command runs; empty for the test's own working directory
 * @param timeout how long the command may take before it is killed and the call fails
 */
public record ProcessRunner(Optional<Path> workingDir, Duration timeout) {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The test's working directory, 60 s. */
  public static ProcessRunner defaults() {
    return new ProcessRunner(Optional.empty(), DEFAULT_TIMEOUT);
  }

  public ProcessRunner in(Path dir) {
    return new ProcessRunner(Optional.of(dir), timeout);
  }

  public ProcessRunner withTimeout(Duration duration) {
    return new ProcessRunner(workingDir, duration);
  }

  /** Runs {@code command}; the first element is looked up with {@link Executables#find}. */
  public static CommandResult run(String... command) {
    return defaults().exec(List.of(command));
  }

  /** Runs {@code command} in {@code dir}; the first element is looked up on the PATH. */
  public static CommandResult runIn(Path dir, String... command) {
    return defaults().in(dir).exec(List.of(command));
  }

  /**
   * Runs {@code command} and waits for it; the first element is looked up with {@link
   * Executables#find}.
   *
   * @throws IllegalStateException if it does not finish within the timeout (it is killed)
   */
  public CommandResult exec(List<String> command) {
    List<String> argv = new ArrayList<>(command);
    argv.set(0, Executables.find(argv.get(0)).toString());
    Path out = tempFile(".out");
    Path err = tempFile(".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
      workingDir.ifPresent(dir -> builder.directory(dir.toFile()));
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + " did not finish in " + timeout);
      }
      return new CommandResult(
          argv,
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + argv, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static Path tempFile(String suffix) {
    try {
      return Files.createTempFile("tunnelwatch-cmd", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is harmless; the result matters
    }
  }
}
