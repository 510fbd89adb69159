package io.tunnelwatch.agent.poll;

import io.tunnelwatch.agent.metrics.AgentMetrics;
import java.time.Duration;
import java.util.Collection;

/**
 * Records how well the scheduler keeps up: every poll's lateness in {@code
 * tunnelwatch_poll_schedule_lag_seconds} and every skipped poll in {@code
 * tunnelwatch_polls_skipped_total{device}}, which starts at 0 for every device.
 */
public final class ScheduleMetrics implements PollScheduleObserver {

  private final AgentMetrics metrics;

  public ScheduleMetrics(AgentMetrics metrics, Collection<String> devices) {
    this.metrics = metrics;
    devices.forEach(device -> metrics.pollsSkipped().labelValues(device));
  }

  @Override
  public void pollStarted(String device, Duration lag) {
    metrics.scheduleLag().observe(lag.toNanos() / 1e9);
  }

  @Override
  public void pollSkipped(String device, Duration lag) {
    metrics.pollsSkipped().labelValues(device).inc();
  }
}
