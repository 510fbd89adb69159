package io.tunnelwatch.agent.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.core.metrics.DeviceFamilies;
import io.tunnelwatch.core.metrics.DeviceView;
import java.util.List;
import java.util.function.Predicate;

/**
 * Exposes the cached device data at scrape time. Scrapes never touch a device: they read what the
 * last polls published.
 */
public final class DeviceCollector implements MultiCollector {

  private final DeviceStates states;
  private final Predicate<String> deviceFilter;

  DeviceCollector(DeviceStates states, Predicate<String> deviceFilter) {
    this.states = states;
    this.deviceFilter = deviceFilter;
  }

  public static DeviceCollector allDevices(DeviceStates states) {
    return new DeviceCollector(states, device -> true);
  }

  @Override
  public MetricSnapshots collect() {
    List<DeviceView> views =
        states.all().stream().filter(v -> deviceFilter.test(v.device())).toList();
    return DeviceFamilies.of(views);
  }
}
