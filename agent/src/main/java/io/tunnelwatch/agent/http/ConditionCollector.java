package io.tunnelwatch.agent.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.core.metrics.FamilyBuilder;
import io.tunnelwatch.core.metrics.MetricContract;

/**
 * {@code tunnelwatch_condition_open}: one series per open condition, labelled as its alert is. Only
 * on {@code /metrics}, next to {@code tunnelwatch_notifications_destination_up}: the rules compare
 * the two per scrape target to decide whether the agent delivers its alerts itself.
 */
public final class ConditionCollector implements MultiCollector {

  private final EventTracker tracker;

  public ConditionCollector(EventTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public MetricSnapshots collect() {
    FamilyBuilder.Gauge open = MetricContract.CONDITION_OPEN.builder();
    for (DeviceMonitor monitor : tracker.monitors()) {
      for (Event opened : monitor.tracked().open().values()) {
        open.add(
            1.0,
            opened.kind().wireName(),
            opened.severity().label(),
            opened.device(),
            opened.subject().tunnel().orElse(""),
            opened.peer().orElse(""),
            opened.subject().flow().orElse(""));
      }
    }
    return MetricSnapshots.of(open.build());
  }
}
