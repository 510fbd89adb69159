package io.tunnelwatch.agent.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.TrackerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll, as the scheduler runs it: poll, publish the outcome, count it, and log a
 * failure once when it starts (or changes) and once when it clears.
 */
public final class PollTask implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollTask.class);

  private final String device;
  private final DevicePoller poller;
  private final DeviceStates states;
  private final MeterRegistry meters;
  private final Counter polls;
  private final DeviceMonitor monitor;
  private String failingWith;

  /** A task whose events go nowhere (default tracker settings, no listener). */
  public PollTask(String device, DevicePoller poller, DeviceStates states, MeterRegistry meters) {
    this(
        device,
        poller,
        states,
        meters,
        new DeviceMonitor(
            device, TrackerSettings.DEFAULTS, new EventFanout(List.of()), Clock.systemUTC()));
  }

  /**
   * @param monitor the device's event detection and counter stitching; every poll, successful or
   *     not, goes through it before it is published
   */
  public PollTask(
      String device,
      DevicePoller poller,
      DeviceStates states,
      MeterRegistry meters,
      DeviceMonitor monitor) {
    this.device = device;
    this.monitor = monitor;
    this.poller = poller;
    this.states = states;
    this.meters = meters;
    this.polls =
        Counter.builder("tunnelwatch.polls")
            .description("Device polls started, by source")
            .tag("source", poller.source().label())
            .register(meters);
  }

  public String device() {
    return device;
  }

  /** Runs one poll; never throws, so that one device's trouble stays with that device. */
  public void run() {
    long start = System.nanoTime();
    polls.increment();
    try {
      DevicePoller.PollResult result = poller.poll();
      DeviceMonitor.Published published = monitor.onSuccess(result.snapshot());
      states.recordSuccess(
          published.snapshot(),
          published.counterCreated(),
          Duration.ofNanos(System.nanoTime() - start));
      countWarnings(result.warnings());
      if (failingWith != null) {
        LOG.info("{}: {} poll recovered", device, poller.source().label());
        failingWith = null;
      }
    } catch (PollException e) {
      states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
      monitor.onFailure(e.reason());
      countFailure(e.reason());
      logFailure(e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      // A bug must not stop the schedule of this device or any other.
      states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
      monitor.onFailure("internal");
      countFailure("internal");
      logFailure("internal", e.toString());
      if (!"internal".equals(failingWith)) {
        LOG.debug("{}: internal error detail", device, e);
      }
    }
  }

  private void countFailure(String reason) {
    Counter.builder("tunnelwatch.poll.failures")
        .description("Device polls that failed, by source and reason")
        .tag("source", poller.source().label())
        .tag("reason", reason)
        .register(meters)
        .increment();
  }

  private void countWarnings(Map<String, Integer> warnings) {
    warnings.forEach(
        (command, count) ->
            Counter.builder("tunnelwatch.parse.warnings")
                .description("Lines of device output the parsers could not understand, by command")
                .tag("command", command)
                .register(meters)
                .increment(count));
  }

  private void logFailure(String reason, String message) {
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

  @Override
  public void close() {
    poller.close();
  }
}
