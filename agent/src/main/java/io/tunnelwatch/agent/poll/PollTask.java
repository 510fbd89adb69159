package io.tunnelwatch.agent.poll;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.model.DeviceSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll, as the scheduler runs it: poll each source the device is read over (SNMP and
 * SSH one after the other, so a device never sees two of our polls at once), record each outcome,
 * then hand the merge of the sources' last good data to the device's monitor (events, counter
 * stitching) and publish what it returns. Failures are counted, and logged once when they start (or
 * change) and once when they clear.
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

  /** Runs one poll of every source; never throws, so one device's trouble stays with it. */
  @Override
  public void run() {
    Optional<DeviceSnapshot> merged = Optional.empty();
    String failure = null;
    for (SourcePoll source : sources) {
      SourceOutcome outcome = source.run();
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

  /** What one source's poll left: the merge of last good data, or why it failed. */
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

    SourceOutcome run() {
      long start = System.nanoTime();
      polls.inc();
      try {
        DevicePoller.PollResult result = poller.poll();
        DeviceSnapshot merged =
            states.recordSourceSuccess(
                result.snapshot(), Duration.ofNanos(System.nanoTime() - start));
        countWarnings(result.warnings());
        if (failingWith != null) {
          LOG.info("{}: {} poll recovered", device, poller.source().label());
          failingWith = null;
        }
        return new SourceOutcome(Optional.of(merged), null);
      } catch (PollException e) {
        states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
        countFailure(e.reason());
        logFailure(e.reason(), e.getMessage());
        return new SourceOutcome(Optional.empty(), e.reason());
      } catch (RuntimeException e) {
        // A bug must not stop the schedule of this device or any other.
        states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
        countFailure(INTERNAL);
        boolean first = !INTERNAL.equals(failingWith);
        logFailure(INTERNAL, e.toString());
        if (first) {
          LOG.debug("{}: internal error detail", device, e);
        }
        return new SourceOutcome(Optional.empty(), INTERNAL);
      }
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

  @Override
  public void close() {
    sources.forEach(s -> s.poller.close());
  }
}
