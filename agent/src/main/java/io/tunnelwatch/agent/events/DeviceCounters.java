package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.counters.CounterStitcher;
import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.counters.SeriesState;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One device's counter series: turns each snapshot's raw counters into monotonic ones, across
 * reboots and rebuilt tunnels. Not thread-safe; its {@link DeviceMonitor} serialises the calls.
 */
final class DeviceCounters {

  private Map<SeriesKey, SeriesState> series;

  /**
   * @param series where each series stood (saved before a restart), empty for a new device
   */
  DeviceCounters(Map<SeriesKey, SeriesState> series) {
    this.series = Map.copyOf(series);
  }

  Map<SeriesKey, SeriesState> series() {
    return series;
  }

  /**
   * @param before the previous snapshot, empty for the first one
   * @param rebooted whether the device restarted since {@code before}: every counter restarted
   */
  DeviceMonitor.Published stitch(
      Optional<DeviceSnapshot> before, DeviceSnapshot raw, boolean rebooted) {
    CounterStitcher.Result stitched =
        CounterStitcher.stitch(series, raw, restarted(before, raw, rebooted));
    series = stitched.series();
    return new DeviceMonitor.Published(stitched.snapshot(), stitched.createdTimes());
  }

  /**
   * Objects whose counters restarted for sure: all of them after a reboot, and those that were
   * missing from the previous snapshot (deleted and rebuilt: IOS starts their counters at zero).
   */
  private static Set<String> restarted(
      Optional<DeviceSnapshot> before, DeviceSnapshot now, boolean rebooted) {
    Set<String> objects = new HashSet<>();
    if (before.isEmpty()) {
      return objects;
    }
    Set<String> previous = objects(before.get());
    for (String object : objects(now)) {
      if (rebooted || !previous.contains(object)) {
        objects.add(object);
      }
    }
    return objects;
  }

  private static Set<String> objects(DeviceSnapshot snapshot) {
    Set<String> objects = new HashSet<>();
    for (TunnelInterface t : snapshot.tunnels()) {
      objects.add(SeriesKey.tunnelObject(t.name()));
    }
    for (IpsecFlow f : snapshot.ipsecFlows()) {
      objects.add(SeriesKey.flowObject(f.peer(), f.flow()));
    }
    return objects;
  }
}
