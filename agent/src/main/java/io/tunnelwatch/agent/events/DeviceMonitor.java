package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Observation;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's tracker state and counter series ({@link DeviceCounters}), stepped by its polls and
 * notifications; events go to the listener in the order they were detected. A failure of event
 * detection is caught here, and only here: it is logged and the poll's data is still published.
 * Polls of one device never overlap, but a notification may arrive during a poll, hence the lock.
 *
 * <p>Polls and notifications are applied in one order per device, and their times are made to
 * follow that order: a poll stamped before a notification already applied (it began before the
 * notification arrived) is applied at the notification's time. Otherwise an event the poll ends
 * would appear to end before it began.
 */
public final class DeviceMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceMonitor.class);

  private final String device;
  private TrackerSettings settings;
  private final EventListener listener;
  private final Clock clock;
  private final Instant startedAt;
  private TrackedDevice tracked;
  private final DeviceCounters counters = new DeviceCounters();
  private boolean trackerFailed;
  private Instant lastApplied = Instant.MIN;

  public DeviceMonitor(
      String device, TrackerSettings settings, EventListener listener, Clock clock) {
    this.device = device;
    this.settings = settings;
    this.listener = listener;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.tracked = TrackedDevice.initial(device);
  }

  /**
   * What a successful poll publishes: the snapshot with monotonic counters, and when each counter
   * series began.
   */
  public record Published(DeviceSnapshot snapshot, Map<SeriesKey, Instant> counterCreated) {}

  public String device() {
    return device;
  }

  /** When the agent began watching the device: the created time of its event counters. */
  public Instant startedAt() {
    return startedAt;
  }

  public synchronized TrackerSettings settings() {
    return settings;
  }

  /** Judges the next polls by {@code newSettings}, keeping what has been tracked so far. */
  public synchronized void updateSettings(TrackerSettings newSettings) {
    settings = newSettings;
  }

  public synchronized TrackedDevice tracked() {
    return tracked;
  }

  public synchronized Published onSuccess(DeviceSnapshot raw) {
    Optional<DeviceSnapshot> before = tracked.last();
    boolean rebooted = false;
    try {
      Instant at = inOrder(raw.collectedAt());
      DeviceSnapshot snapshot = at.equals(raw.collectedAt()) ? raw : raw.withCollectedAt(at);
      TrackerStep step = StateTracker.onSnapshot(tracked, snapshot, settings);
      rebooted = step.rebooted();
      apply(step);
    } catch (RuntimeException e) {
      trackerBug(e);
    }
    return counters.stitch(before, raw, rebooted);
  }

  /**
   * True while an IKE peer or a flow has been seen not established by fewer polls than a phase-1 or
   * phase-2 failure needs: one more poll soon confirms or clears it, sooner than the next interval
   * would.
   */
  public synchronized boolean awaitsConfirmation() {
    return tracked.badPolls().values().stream()
        .anyMatch(polls -> polls < settings.negotiationFailurePolls());
  }

  /**
   * @param reason the failure's short reason, never a secret
   */
  public synchronized void onFailure(String reason) {
    try {
      apply(StateTracker.onFailure(tracked, inOrder(clock.instant()), reason, settings));
    } catch (RuntimeException e) {
      trackerBug(e);
    }
  }

  public synchronized void observe(Observation observation) {
    Instant at = inOrder(observation.receivedAt());
    Observation inOrder =
        at.equals(observation.receivedAt())
            ? observation
            : new Observation(
                observation.device(),
                at,
                observation.kind(),
                observation.peer(),
                observation.tunnel(),
                observation.detail());
    apply(StateTracker.onObservation(tracked, inOrder, settings));
  }

  /** {@code at}, or the time of what was applied last when that is later. */
  private Instant inOrder(Instant at) {
    if (at.isBefore(lastApplied)) {
      return lastApplied;
    }
    lastApplied = at;
    return at;
  }

  private void apply(TrackerStep step) {
    tracked = step.state();
    step.transitions().forEach(listener::onTransition);
    step.events().forEach(listener::onEvent);
  }

  private void trackerBug(RuntimeException e) {
    // The snapshot is still published: metrics matter more than one step of event detection.
    if (!trackerFailed) {
      LOG.warn("{}: event detection failed ({}); metrics go on", device, e.toString());
      trackerFailed = true;
    }
    LOG.debug("{}: event detection failure detail", device, e);
  }
}
