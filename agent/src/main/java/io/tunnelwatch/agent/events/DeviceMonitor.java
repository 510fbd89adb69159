package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
  private final DeviceStateStore store;
  private final Instant startedAt;
  private TrackedDevice tracked;
  private final DeviceCounters counters;
  private boolean trackerFailed;
  private Instant lastApplied;
  private Instant savedAt = Instant.MIN;

  /**
   * Continues from what {@code store} saved for the device, if anything; the conditions it left
   * open are still open, and no event announces them again.
   */
  public DeviceMonitor(
      String device,
      TrackerSettings settings,
      EventListener listener,
      Clock clock,
      DeviceStateStore store) {
    this.device = device;
    this.settings = settings;
    this.listener = listener;
    this.clock = clock;
    this.store = store;
    Optional<SavedDeviceState> saved = store.load(device).filter(s -> s.device().equals(device));
    this.startedAt = saved.map(SavedDeviceState::watchingSince).orElseGet(clock::instant);
    this.tracked =
        saved.map(SavedDeviceState::tracked).orElseGet(() -> TrackedDevice.initial(device));
    this.counters = new DeviceCounters(saved.map(SavedDeviceState::series).orElse(Map.of()));
    this.lastApplied = saved.map(SavedDeviceState::lastApplied).orElse(Instant.MIN);
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
    boolean changed = false;
    try {
      Instant at = inOrder(raw.collectedAt());
      DeviceSnapshot snapshot = at.equals(raw.collectedAt()) ? raw : raw.withCollectedAt(at);
      TrackerStep step = StateTracker.onSnapshot(tracked, snapshot, settings);
      rebooted = step.rebooted();
      changed = announce(step);
    } catch (RuntimeException e) {
      trackerBug(e);
    }
    Published stitched = counters.stitch(before, raw, rebooted);
    save(changed);
    return new Published(withMissingTunnels(stitched.snapshot()), stitched.counterCreated());
  }

  /**
   * Known tunnels the router no longer lists (deleted, or gone with their SAs) are published as
   * down, with no counters, so that {@code tunnelwatch_tunnel_up} says 0 rather than vanishing; the
   * destination is the one their open {@code tunnel_down} names.
   */
  private TunnelInterface missingTunnel(ObjectRef ref) {
    String destination =
        Optional.ofNullable(tracked.open().get(Conditions.key(EventKind.TUNNEL_DOWN, ref)))
            .flatMap(Event::tunnelPeer)
            .orElse("");
    return new TunnelInterface(
        ref.tunnel().orElseThrow(), true, false, "", destination, "", InterfaceCounters.NONE);
  }

  private DeviceSnapshot withMissingTunnels(DeviceSnapshot snapshot) {
    Set<String> listed =
        snapshot.tunnels().stream().map(TunnelInterface::name).collect(Collectors.toSet());
    List<TunnelInterface> tunnels = new ArrayList<>(snapshot.tunnels());
    tracked.states().entrySet().stream()
        .filter(e -> e.getKey().kind() == ObjectKind.TUNNEL && e.getValue() == ObjectState.DOWN)
        .map(Map.Entry::getKey)
        .filter(ref -> !listed.contains(ref.tunnel().orElseThrow()))
        .sorted(Comparator.comparing(ObjectRef::key))
        .forEach(ref -> tunnels.add(missingTunnel(ref)));
    if (tunnels.size() == snapshot.tunnels().size()) {
      return snapshot;
    }
    return new DeviceSnapshot(
        snapshot.device(),
        snapshot.source(),
        snapshot.collectedAt(),
        tunnels,
        snapshot.ikeSas(),
        snapshot.ipsecFlows(),
        snapshot.cpu(),
        snapshot.uptime(),
        snapshot.failureCounters(),
        snapshot.failures());
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
      save(announce(StateTracker.onFailure(tracked, inOrder(clock.instant()), reason, settings)));
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
    save(announce(StateTracker.onObservation(tracked, inOrder, settings)));
  }

  /** What to save for a restart. */
  public synchronized SavedDeviceState saved() {
    return new SavedDeviceState(tracked, counters.series(), startedAt, lastApplied);
  }

  /** {@code at}, or the time of what was applied last when that is later. */
  private Instant inOrder(Instant at) {
    if (at.isBefore(lastApplied)) {
      return lastApplied;
    }
    lastApplied = at;
    return at;
  }

  /** Takes the step's state and tells the listener; true when something was announced. */
  private boolean announce(TrackerStep step) {
    tracked = step.state();
    step.transitions().forEach(listener::onTransition);
    step.events().forEach(listener::onEvent);
    return !step.transitions().isEmpty() || !step.events().isEmpty();
  }

  /**
   * Saves after every step that changed a condition or a state, so that a restart (even SIGKILL)
   * neither opens a condition twice nor forgets one; otherwise as often as the store asks.
   */
  private void save(boolean changed) {
    Instant now = clock.instant();
    if (changed || !now.isBefore(savedAt.plus(store.unchangedSaveInterval()))) {
      store.save(saved());
      savedAt = now;
    }
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
