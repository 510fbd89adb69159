package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Observation;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Detects events (docs/events.md) by comparing what a device says now with what it said before and
 * with what is expected of it. Pure: every method maps the previous {@link TrackedDevice} and one
 * input to a {@link TrackerStep}; nothing is kept here, nothing waits, nothing is shared.
 */
public final class StateTracker {

  private StateTracker() {}

  /** A successful poll. */
  public static TrackerStep onSnapshot(
      TrackedDevice previous, DeviceSnapshot snapshot, TrackerSettings settings) {
    requireDevice(previous, snapshot.device());
    Work work = new Work(previous, settings, snapshot.collectedAt());
    DeviceRules.reachable(work);
    DeviceRules.reboot(work, snapshot);
    DeviceRules.cpu(work, snapshot.cpu());
    InventoryRules.retire(work, snapshot);
    TunnelRules.apply(work, snapshot);
    TrafficRules.tunnels(work, snapshot);
    Set<String> ikeUp = IkeRules.apply(work, snapshot);
    IpsecRules.apply(work, snapshot, ikeUp);
    InventoryRules.sighted(work, snapshot);
    work.last = Optional.of(snapshot);
    return work.finish();
  }

  /**
   * A failed poll: only reachability is judged; every other open condition stays as it was.
   *
   * @param reason the failure's short reason, e.g. {@code timeout} (never a secret)
   */
  public static TrackerStep onFailure(
      TrackedDevice previous, Instant at, String reason, TrackerSettings settings) {
    Work work = new Work(previous, settings, at);
    DeviceRules.failedPoll(work, reason);
    return work.finish();
  }

  /**
   * Something the device reported between polls (an SNMP notification): the matching condition
   * opens at once, and the next poll confirms or clears it.
   */
  public static TrackerStep onObservation(
      TrackedDevice previous, Observation observation, TrackerSettings settings) {
    requireDevice(previous, observation.device());
    Work work = new Work(previous, settings, observation.receivedAt());
    work.suspectAllOpen();
    ObservationRules.apply(work, observation);
    return work.finish();
  }

  private static void requireDevice(TrackedDevice previous, String device) {
    if (!previous.device().equals(device)) {
      throw new IllegalArgumentException(
          "tracked state of " + previous.device() + " cannot take input of " + device);
    }
  }
}
