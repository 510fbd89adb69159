package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.LoadedConfig;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the configuration on request ({@code SIGHUP}, {@code POST /-/reload}) and applies it:
 * one reload at a time, on its own thread, so that neither a scrape nor a poll waits for one. A
 * file that fails the checks {@code check-config} makes leaves the running configuration in place.
 */
public final class ConfigReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  /** Where the configuration comes from: the file the agent was started with. */
  @FunctionalInterface
  public interface ConfigSource {
    /**
     * Reads and checks the configuration again, with the command line's overrides applied.
     *
     * @throws ConfigException listing every problem found
     */
    LoadedConfig load() throws ConfigException;

    /** For an agent started without a file (the demo, tests): every reload fails. */
    ConfigSource NONE =
        () -> {
          throw new ConfigException(
              "(none)",
              List.of(
                  new ConfigException.Problem(
                      "(file)", "this agent was not started from a configuration file")));
        };
  }

  /**
   * How a reload went.
   *
   * @param message one line, without secrets: the counts, or what was wrong
   */
  public record Outcome(boolean success, String message) {}

  private final ConfigSource source;
  private final DeviceFleet fleet;
  private final Consumer<AgentConfig> applied;
  private final AgentMetrics metrics;
  private final Clock clock;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "config-reload");
            t.setDaemon(true);
            return t;
          });
  private AgentConfig running; // confined to the reload thread once started
  private @Nullable CompletableFuture<Outcome> queued; // guarded by this

  /**
   * @param running the configuration the agent started with
   * @param applied told the configuration that runs after each successful reload
   */
  ConfigReloader(
      AgentConfig running,
      ConfigSource source,
      DeviceFleet fleet,
      Consumer<AgentConfig> applied,
      AgentMetrics metrics,
      Clock clock) {
    this.running = running;
    this.source = source;
    this.fleet = fleet;
    this.applied = applied;
    this.metrics = metrics;
    this.clock = clock;
    metrics.configLoaded(clock.instant());
  }

  /**
   * Asks for a reload; returns at once. Requests made while one waits to start share it: they would
   * read the same file.
   */
  public synchronized CompletableFuture<Outcome> reload() {
    CompletableFuture<Outcome> waiting = queued;
    if (waiting != null) {
      return waiting;
    }
    CompletableFuture<Outcome> next = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            synchronized (this) {
              queued = null;
            }
            next.complete(reloadNow());
          });
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(new Outcome(false, "the agent is stopping"));
    }
    queued = next;
    return next;
  }

  private Outcome reloadNow() {
    LoadedConfig loaded;
    try {
      loaded = source.load();
    } catch (ConfigException e) {
      e.problems().forEach(p -> LOG.error("configuration reload: {}", p));
      return failed(
          e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"),
          e.getMessage());
    } catch (RuntimeException e) {
      return failed(e.toString(), e.toString());
    }
    loaded.warnings().forEach(w -> LOG.warn("configuration: {}", w));
    ReloadPlan plan = ReloadPlan.between(running, loaded.config());
    plan.needRestart()
        .forEach(
            key ->
                LOG.warn(
                    "configuration reload: {} changed; it takes effect only after a restart,"
                        + " running as before",
                    key));
    try {
      fleet.apply(plan);
    } catch (IOException | SchedulerException | RuntimeException e) {
      return failed(e.getMessage(), "cannot apply the configuration: " + e.getMessage());
    }
    running = plan.next();
    applied.accept(running);
    metrics.configLoaded(clock.instant());
    String counts =
        "configuration reloaded: %d added, %d removed, %d changed"
            .formatted(plan.added().size(), plan.removed().size(), plan.changed().size());
    LOG.info("{}", counts);
    return new Outcome(true, counts);
  }

  private Outcome failed(@Nullable String summary, @Nullable String detail) {
    metrics.configReloadFailed();
    LOG.error("configuration reload failed, keeping the running configuration: {}", summary);
    return new Outcome(false, String.valueOf(detail));
  }

  /** Stops taking reloads; one under way is given a few seconds to finish. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
