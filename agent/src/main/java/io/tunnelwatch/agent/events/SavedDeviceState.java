package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.counters.SeriesState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DeviceMonitor} needs to continue after a restart.
 *
 * @param tracked the tracker's state, with the open conditions and the learned inventory
 * @param series the counter series, so that stitched counters continue without a reset
 * @param watchingSince when the agent first began watching the device (the event counters' created
 *     time)
 * @param lastApplied the time of the latest poll or notification applied, which later input must
 *     not precede
 */
public record SavedDeviceState(
    TrackedDevice tracked,
    Map<SeriesKey, SeriesState> series,
    Instant watchingSince,
    Instant lastApplied) {

  public SavedDeviceState {
    Objects.requireNonNull(tracked, "tracked");
    series = Map.copyOf(series);
    Objects.requireNonNull(watchingSince, "watchingSince");
    Objects.requireNonNull(lastApplied, "lastApplied");
  }

  public String device() {
    return tracked.device();
  }
}
