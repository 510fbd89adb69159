package io.tunnelwatch.testing.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A server a test starts in the background (Prometheus, Alertmanager, snmpd): stdout and stderr go
 * to one log file the failure messages quote; stopped by its PID on {@link #close()}.
 */
public final class Daemon implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path log;

  private Daemon(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} (its first element looked up with {@link Executables#find}) with {@code
   * environment} added to the test's own, logging to {@code log}.
   */
  public static Daemon start(List<String> command, Map<String, String> environment, Path log) {
    String binary = Executables.find(command.get(0)).toString();
    List<String> argv = new ArrayList<>(command);
    argv.set(0, binary);
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    try {
      return new Daemon(command.get(0), builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Daemon start(List<String> command, Path log) {
    return start(command, Map.of(), log);
  }

  /**
   * Waits until {@code ready} holds; fails at once if the process exits, and after {@code timeout}
   * otherwise, stopping the process and quoting its log.
   */
  public Daemon awaitReady(Callable<Boolean> ready, Duration timeout) {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .failFast(name + " exited; see " + log, () -> !process.isAlive())
          .until(ready);
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException(name + " did not start:\n" + logText(), e);
    }
    return this;
  }

  /** The process id, e.g. to send it a signal with {@code kill}. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * SIGTERM, and the exit status once the process ended; a process still running after {@code
   * within} is killed and fails the call.
   */
  public int terminate(Duration within) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException(
          name + " did not exit within " + within + " of SIGTERM:\n" + logText());
    }
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
