package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.Observation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The agent's event detection: one {@link DeviceMonitor} per configured device, all reporting to
 * one listener (usually an {@link EventFanout}).
 */
public final class EventTracker {

  private final Map<String, DeviceMonitor> monitors;

  /**
   * @param settings tracker settings per configured device, in configuration order
   */
  public EventTracker(Map<String, TrackerSettings> settings, EventListener listener, Clock clock) {
    Map<String, DeviceMonitor> byDevice = new LinkedHashMap<>();
    settings.forEach(
        (device, s) -> byDevice.put(device, new DeviceMonitor(device, s, listener, clock)));
    monitors = Collections.unmodifiableMap(byDevice);
  }

  public Optional<DeviceMonitor> monitor(String device) {
    return Optional.ofNullable(monitors.get(device));
  }

  public List<DeviceMonitor> monitors() {
    return new ArrayList<>(monitors.values());
  }

  /**
   * Something a device reported between polls (an SNMP notification).
   *
   * @throws IllegalArgumentException for a device that is not configured
   */
  public void observe(Observation observation) {
    DeviceMonitor monitor = monitors.get(observation.device());
    if (monitor == null) {
      throw new IllegalArgumentException(
          "notification from unknown device '"
              + observation.device()
              + "'; expected one of "
              + new TreeSet<>(monitors.keySet()));
    }
    monitor.observe(observation);
  }
}
