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
 * one listener (usually an {@link EventFanout}). Devices come and go with configuration reloads;
 * readers (scrapes, traps) see the set of monitors as it was before or after a change, never half.
 */
public final class EventTracker {

  private final EventListener listener;
  private final Clock clock;
  private final DeviceStateStore store;
  // Replaced whole, under the lock, by the rare writer; read without one by every scrape.
  private volatile Map<String, DeviceMonitor> monitors;

  /**
   * @param settings tracker settings per configured device, in configuration order
   * @param store where each device's state is kept across restarts
   */
  public EventTracker(
      Map<String, TrackerSettings> settings,
      EventListener listener,
      Clock clock,
      DeviceStateStore store) {
    this.listener = listener;
    this.clock = clock;
    this.store = store;
    Map<String, DeviceMonitor> byDevice = new LinkedHashMap<>();
    settings.forEach((device, s) -> byDevice.put(device, restore(device, s)));
    monitors = Collections.unmodifiableMap(byDevice);
  }

  /** A monitor continuing from the saved state; what it still holds open is announced as such. */
  private DeviceMonitor restore(String device, TrackerSettings settings) {
    DeviceMonitor monitor = new DeviceMonitor(device, settings, listener, clock, store);
    monitor.tracked().open().values().forEach(listener::onConditionRestored);
    return monitor;
  }

  /**
   * Starts watching a device, or gives the one already watched its new settings (keeping its state,
   * so that no condition opens again).
   */
  public synchronized DeviceMonitor watch(String device, TrackerSettings settings) {
    DeviceMonitor existing = monitors.get(device);
    if (existing != null) {
      existing.updateSettings(settings);
      return existing;
    }
    DeviceMonitor monitor = restore(device, settings);
    Map<String, DeviceMonitor> byDevice = new LinkedHashMap<>(monitors);
    byDevice.put(device, monitor);
    monitors = Collections.unmodifiableMap(byDevice);
    return monitor;
  }

  /**
   * Stops watching a device: its state (saved too) and event counters are dropped, and the listener
   * hears {@link EventListener#onDeviceRemoved} so that nothing stays open for it.
   */
  public void forget(String device) {
    synchronized (this) {
      if (!monitors.containsKey(device)) {
        return;
      }
      Map<String, DeviceMonitor> byDevice = new LinkedHashMap<>(monitors);
      byDevice.remove(device);
      monitors = Collections.unmodifiableMap(byDevice);
    }
    store.remove(device);
    listener.onDeviceRemoved(device);
  }

  /**
   * Stops watching a device that another agent of the cluster takes over: its state is saved for
   * that agent to continue from, and the listener hears {@link EventListener#onDeviceReleased}, not
   * {@link EventListener#onDeviceRemoved}: its open conditions stay open.
   */
  public void release(String device) {
    DeviceMonitor released;
    synchronized (this) {
      released = monitors.get(device);
      if (released == null) {
        return;
      }
      Map<String, DeviceMonitor> byDevice = new LinkedHashMap<>(monitors);
      byDevice.remove(device);
      monitors = Collections.unmodifiableMap(byDevice);
    }
    store.save(released.saved());
    listener.onDeviceReleased(device);
  }

  /**
   * The device, just watched here, was watched by another agent of the cluster before: the listener
   * hears {@link EventListener#onDeviceAdopted}.
   */
  public void adopted(String device) {
    listener.onDeviceAdopted(device);
  }

  /** Saves every device's current state, e.g. on shutdown. */
  public void saveAll() {
    monitors.values().forEach(m -> store.save(m.saved()));
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
