package io.tunnelwatch.agent.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll, as the scheduler runs it: poll each source the device is read over (SNMP and
 * SSH one after the other, so a device never sees two of our polls at once), publish each outcome,
 * count it, and log a failure once when it starts (or changes) and once when it clears.
 */
public final class PollTask implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollTask.class);

  private final String device;
  private final List<SourcePoll> sources;
  private final DeviceStates states;
  private final MeterRegistry meters;

  public PollTask(
      String device, List<DevicePoller> pollers, DeviceStates states, MeterRegistry meters) {
    this.device = device;
    this.states = states;
    this.meters = meters;
    this.sources = pollers.stream().map(SourcePoll::new).toList();
  }

  public PollTask(String device, DevicePoller poller, DeviceStates states, MeterRegistry meters) {
    this(device, List.of(poller), states, meters);
  }

  public String device() {
    return device;
  }

  /** Runs one poll of every source; never throws, so one device's trouble stays with it. */
  public void run() {
    sources.forEach(SourcePoll::run);
  }

  /** The poll of one source, with its own failure memory so each source logs its own story. */
  private final class SourcePoll {
    private final DevicePoller poller;
    private final Counter polls;
    private String failingWith;

    SourcePoll(DevicePoller poller) {
      this.poller = poller;
      this.polls =
          Counter.builder("tunnelwatch.polls")
              .description("Device polls started, by source")
              .tag("source", poller.source().label())
              .register(meters);
    }

    void run() {
      long start = System.nanoTime();
      polls.increment();
      try {
        DevicePoller.PollResult result = poller.poll();
        states.recordSuccess(result.snapshot(), Duration.ofNanos(System.nanoTime() - start));
        countWarnings(result.warnings());
        if (failingWith != null) {
          LOG.info("{}: {} poll recovered", device, poller.source().label());
          failingWith = null;
        }
      } catch (PollException e) {
        states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
        countFailure(e.reason());
        logFailure(e.reason(), e.getMessage());
      } catch (RuntimeException e) {
        // A bug must not stop the schedule of this device or any other.
        states.recordFailure(device, poller.source(), Duration.ofNanos(System.nanoTime() - start));
        countFailure("internal");
        boolean first = !"internal".equals(failingWith);
        logFailure("internal", e.toString());
        if (first) {
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
          (what, count) ->
              Counter.builder("tunnelwatch.parse.warnings")
                  .description(
                      "Parts of device output (show commands, MIB tables) that could not be"
                          + " understood, by command")
                  .tag("command", what)
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
  }

  @Override
  public void close() {
    sources.forEach(s -> s.poller.close());
  }
}
