package io.tunnelwatch.agent.cluster;

import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.cli.Main;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.process.ChildJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member of the cluster as an operator runs it: {@code tunnelwatch run --config FILE} in its
 * own JVM, started again on the same file after a kill or a stop, each run logging to its own file.
 */
final class MemberJvm implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(60);
  private static final Pattern LAST_SUCCESS =
      Pattern.compile("(?m)^tunnelwatch_device_last_success_timestamp_seconds\\{([^}]*)} (\\S+)$");
  private static final Pattern DEVICE_LABEL = Pattern.compile("device=\"([^\"]*)\"");

  private final String name;
  private final int httpPort;
  private final Path config;
  private final Path logDir;
  private final List<String> jvmOptions;
  private final Map<String, String> environment;
  private Optional<Process> process = Optional.empty();
  private int runs;

  MemberJvm(
      String name,
      int httpPort,
      Path config,
      Path logDir,
      List<String> jvmOptions,
      Map<String, String> environment) {
    this.name = name;
    this.httpPort = httpPort;
    this.config = config;
    this.logDir = logDir;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.environment = Map.copyOf(environment);
  }

  String name() {
    return name;
  }

  int httpPort() {
    return httpPort;
  }

  /** Starts the agent on its configuration and waits until its HTTP server answers. */
  void start() throws IOException {
    launch();
    awaitHealthy();
  }

  /** Starts the agent without waiting for it (several start faster side by side). */
  void launch() throws IOException {
    if (alive()) {
      throw new IllegalStateException(name + " is running already");
    }
    runs++;
    ProcessBuilder builder =
        ChildJvm.of(jvmOptions, Main.class, "run", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(currentLog().toFile());
    builder.environment().putAll(environment);
    process = Optional.of(builder.start());
  }

  void awaitHealthy() {
    await()
        .atMost(START)
        .alias(name + " answering /-/healthy")
        .until(() -> !alive() || HttpGet.ok(uri("/-/healthy")));
    if (!alive()) {
      throw new IllegalStateException(name + " exited at start:\n" + log());
    }
  }

  /** SIGKILL: nothing of the agent runs on the way out. Returns when the process is gone. */
  Instant kill() throws InterruptedException {
    Process running = process.orElseThrow();
    running.destroyForcibly();
    Instant killed = Instant.now();
    running.waitFor();
    return killed;
  }

  /**
   * SIGSTOP: the member hangs with its connections open, as a machine that froze or a network that
   * dropped it would leave it; only missed heartbeats reveal it. {@link #kill()} ends it after.
   */
  Instant freeze() throws IOException, InterruptedException {
    long pid = process.orElseThrow().pid();
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start();
    Instant frozen = Instant.now();
    if (stop.waitFor() != 0) {
      throw new IOException("kill -STOP " + pid + " failed");
    }
    return frozen;
  }

  /** SIGTERM, as a service manager stops it; waits for the exit and returns its code. */
  int stop() throws InterruptedException {
    Process running = process.orElseThrow();
    running.destroy();
    if (!running.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
      running.destroyForcibly();
      throw new IllegalStateException(name + " did not stop within " + STOP + " of SIGTERM");
    }
    return running.exitValue();
  }

  boolean alive() {
    return process.map(Process::isAlive).orElse(false);
  }

  long pid() {
    return process.orElseThrow().pid();
  }

  MetricsEndpoint metrics() {
    return MetricsEndpoint.at(new InetSocketAddress("127.0.0.1", httpPort));
  }

  /**
   * The devices this member polls and when each last succeeded (Unix seconds): a member exports the
   * series of the devices it polls only, so a device that moved away is not listed.
   */
  Map<String, Double> lastSuccesses() {
    Map<String, Double> last = new TreeMap<>();
    Matcher m = LAST_SUCCESS.matcher(metrics().text());
    while (m.find()) {
      if (!m.group(1).contains("source=\"ssh\"")) {
        continue;
      }
      Matcher device = DEVICE_LABEL.matcher(m.group(1));
      if (device.find()) {
        last.put(device.group(1), Double.parseDouble(m.group(2)));
      }
    }
    return last;
  }

  /** A gauge without labels from /metrics; NaN when absent or the member does not answer. */
  double gauge(String family) {
    try {
      return metrics().value(family);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** This run's log, for failure messages. */
  String log() {
    try {
      return Files.readString(currentLog());
    } catch (IOException e) {
      return "(no log for " + name + ": " + e + ")";
    }
  }

  private Path currentLog() {
    return logDir.resolve(name + "-run" + runs + ".log");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** Kills the process by its PID if it still runs: after a failure, nothing is left behind. */
  @Override
  public void close() {
    process.filter(Process::isAlive).ifPresent(Process::destroyForcibly);
  }
}
