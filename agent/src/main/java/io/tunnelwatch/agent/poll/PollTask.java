package io.tunnelwatch.agent.poll;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.model.DeviceSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll, as the scheduler runs it: poll each source the device is read over (SNMP and
 * SSH one after the other, so a device never sees two of our polls at once; SNMP without holding a
 * thread while it waits), record each outcome, then hand the merge of the sources' last good data
 * to the device's monitor (events, counter stitching) and publish what it returns. Failures are
 * counted, and logged once when they start (or change) and once when they clear.
 */
public final class PollTask implements ScheduledPoll {

  /** The failure reason of a bug in the agent rather than a problem of the device. */
  private static final String INTERNAL = "internal";

  private static final Logger LOG = LoggerFactory.getLogger(PollTask.class);

  private final String device;
  private final List<SourcePoll> sources;
  private final DeviceStates states;
  private final AgentMetrics metrics;
  private final DeviceMonitor monitor;
  private final PollOutcomes outcomes;
  private boolean closed; // guarded by this

  /**
   * @param metrics where polls, failures and parse warnings are counted
   * @param monitor the device's event detection and counter stitching; every poll, successful or
   *     not, goes through it before it is published
   * @param outcomes told how each poll ended (e.g. to record it in the history)
   */
  public PollTask(
      String device,
      List<DevicePoller> pollers,
      DeviceStates states,
      AgentMetrics metrics,
      DeviceMonitor monitor,
      PollOutcomes outcomes) {
    this.device = device;
    this.states = states;
    this.metrics = metrics;
    this.monitor = monitor;
    this.outcomes = outcomes;
    this.sources = pollers.stream().map(SourcePoll::new).toList();
  }

  @Override
  public String device() {
    return device;
  }

  /**
   * Polls every source, one after the other, then publishes on {@code workers}; never fails, so one
   * device's trouble stays with it.
   */
  @Override
  public CompletableFuture<Void> start(Executor workers) {
    CompletableFuture<List<SourceOutcome>> outcomes =
        CompletableFuture.completedFuture(new ArrayList<>(sources.size()));
    for (SourcePoll source : sources) {
      outcomes =
          outcomes.thenCompose(
              done ->
                  source
                      .start(workers)
                      .thenApply(
                          outcome -> {
                            done.add(outcome);
                            return done;
                          }));
    }
    return outcomes.thenAcceptAsync(this::finish, workers);
  }

  /** Polls once and waits, all in the calling thread but for SNMP answers: for tools and tests. */
  public void run() {
    start(Runnable::run).join();
  }

  private void finish(List<SourceOutcome> sourceOutcomes) {
    whileOpenDo(() -> record(sourceOutcomes));
  }

  /**
   * Runs {@code action} unless the task has been closed: a poll that ends after its device was
   * removed or reconnected by a configuration reload must not bring back what the reload dropped.
   * Holding the lock makes {@link #close()} wait for an action under way, so nothing of this task
   * is recorded once close returns.
   */
  private synchronized <T> Optional<T> whileOpen(Supplier<T> action) {
    return closed ? Optional.empty() : Optional.of(action.get());
  }

  private void whileOpenDo(Runnable action) {
    var unused =
        whileOpen(
            () -> {
              action.run();
              return true;
            });
  }

  private void record(List<SourceOutcome> sourceOutcomes) {
    Optional<DeviceSnapshot> merged = Optional.empty();
    String failure = null;
    for (SourceOutcome outcome : sourceOutcomes) {
      if (outcome.merged().isPresent()) {
        merged = outcome.merged();
      } else {
        failure = outcome.failure();
      }
    }
    if (merged.isPresent()) {
      outcomes.published(publish(merged.get()));
    } else if (failure != null) {
      outcomes.failed(device);
      monitor.onFailure(failure);
    }
  }

  /** Tracks and stitches the merged data and publishes it; returns what was published. */
  private DeviceSnapshot publish(DeviceSnapshot merged) {
    try {
      DeviceMonitor.Published result = monitor.onSuccess(merged);
      states.publish(result.snapshot(), result.counterCreated());
      return result.snapshot();
    } catch (RuntimeException e) {
      // The monitor catches event detection bugs itself; what reaches here is a bug in counter
      // stitching, which must not stop this device's schedule nor hide its fresh data.
      states.publish(merged, Map.of());
      LOG.warn("{}: counter stitching failed: {}", device, e.toString());
      LOG.debug("{}: counter stitching failure detail", device, e);
      return merged;
    }
  }

  /** What one source's poll gave: merged data, or the failure reason (null when it succeeded). */
  private record SourceOutcome(Optional<DeviceSnapshot> merged, @Nullable String failure) {}

  /** The poll of one source, with its own failure memory so each source logs its own story. */
  private final class SourcePoll {
    private final DevicePoller poller;
    private final CounterDataPoint polls;
    private @Nullable String failingWith;

    SourcePoll(DevicePoller poller) {
      this.poller = poller;
      // Present at 0 from the start, so that rate() sees the first poll and the first failure.
      this.polls = metrics.polls().labelValues(poller.source().label());
      for (String reason : poller.failureReasons()) {
        metrics.pollFailures().labelValues(poller.source().label(), reason);
      }
      metrics.pollFailures().labelValues(poller.source().label(), INTERNAL);
    }

    CompletableFuture<SourceOutcome> start(Executor workers) {
      long start = System.nanoTime();
      polls.inc();
      CompletableFuture<DevicePoller.PollResult> poll;
      try {
        poll = poller.pollAsync(workers);
      } catch (RuntimeException e) {
        poll = CompletableFuture.failedFuture(e);
      }
      return poll.handle(
          (result, failure) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return failure == null ? succeeded(result, took) : failed(failure, took);
          });
    }

    private SourceOutcome succeeded(DevicePoller.PollResult result, Duration took) {
      Optional<DeviceSnapshot> merged =
          whileOpen(() -> states.recordSourceSuccess(result.snapshot(), took));
      countWarnings(result.warnings());
      if (failingWith != null) {
        LOG.info("{}: {} poll recovered", device, poller.source().label());
        failingWith = null;
      }
      return new SourceOutcome(merged, null);
    }

    private SourceOutcome failed(Throwable failure, Duration took) {
      whileOpenDo(() -> states.recordFailure(device, poller.source(), took));
      Throwable cause = PollException.causeOf(failure);
      if (cause instanceof PollException e) {
        countFailure(e.reason());
        logFailure(e.reason(), e.getMessage());
        return new SourceOutcome(Optional.empty(), e.reason());
      }
      // A bug must not stop the schedule of this device or any other.
      countFailure(INTERNAL);
      boolean first = !INTERNAL.equals(failingWith);
      logFailure(INTERNAL, String.valueOf(cause));
      if (first) {
        LOG.debug("{}: internal error detail", device, cause);
      }
      return new SourceOutcome(Optional.empty(), INTERNAL);
    }

    private void countFailure(String reason) {
      metrics.pollFailures().labelValues(poller.source().label(), reason).inc();
    }

    private void countWarnings(Map<String, Integer> warnings) {
      warnings.forEach((what, count) -> metrics.parseWarnings().labelValues(what).inc(count));
    }

    private void logFailure(String reason, @Nullable String message) {
      if (!Objects.equals(reason, failingWith)) {
        LOG.warn(
            "{}: {} poll failed ({}): {}; keeping the last good data, retrying on schedule",
            device,
            poller.source().label(),
            reason,
            message);
        failingWith = reason;
      }
    }
  }

  @Override
  public boolean awaitsConfirmation() {
    return monitor.awaitsConfirmation();
  }

  /** Closes the device's sessions (ending a poll under way); nothing is recorded afterwards. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    sources.forEach(s -> s.poller.close());
  }
}
