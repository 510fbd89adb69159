package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The working copy of one tracker step: starts from the previous state, collects what the rules
 * find, and freezes into the next {@link TrackedDevice}. Lives only inside one step.
 */
final class Work {

  final TrackedDevice previous;
  final TrackerSettings settings;
  final Instant at;
  final String device;

  Optional<DeviceSnapshot> last;
  int failedPolls;
  boolean rebooted;
  Optional<Instant> cpuHighSince;
  final Map<ObjectRef, ObjectState> states;
  final Set<String> seenTunnels;
  final Set<String> seenPeers;
  final Set<ObjectRef> seenFlows;
  final Map<ObjectRef, TrackedDevice.Sighting> inventory;
  final Map<ObjectRef, Integer> badPolls;
  final Map<String, Integer> idlePolls;
  final Map<ObjectRef, List<Instant>> rekeys;
  final Map<ObjectRef, TrackedDevice.Traffic> traffic;
  final EventTotals.Builder totals;

  private final Map<String, Finding> holding = new LinkedHashMap<>();
  private final Set<String> suspected = new HashSet<>();
  private final List<Event> occurred = new ArrayList<>();
  private final List<StateTransition> transitions = new ArrayList<>();

  Work(TrackedDevice previous, TrackerSettings settings, Instant at) {
    this.previous = previous;
    this.settings = settings;
    this.at = at;
    this.device = previous.device();
    last = previous.last();
    failedPolls = previous.failedPolls();
    cpuHighSince = previous.cpuHighSince();
    states = new HashMap<>(previous.states());
    seenTunnels = new HashSet<>(previous.seenTunnels());
    seenPeers = new HashSet<>(previous.seenPeers());
    seenFlows = new HashSet<>(previous.seenFlows());
    inventory = new HashMap<>(previous.inventory());
    badPolls = new HashMap<>(previous.badPolls());
    idlePolls = new HashMap<>(previous.idlePolls());
    rekeys = new HashMap<>(previous.rekeys());
    traffic = new HashMap<>(previous.traffic());
    totals = previous.totals().toBuilder();
  }

  /** The condition holds at this step. */
  void holds(Finding finding) {
    holding.putIfAbsent(finding.key(), finding);
  }

  /** The condition, if open, stays open: this step cannot confirm or clear it. */
  void suspect(EventKind kind, ObjectRef subject) {
    suspected.add(Conditions.key(kind, subject));
  }

  /** Every open condition stays as it is (a step that could not look at the device). */
  void suspectAllOpen() {
    suspected.addAll(previous.open().keySet());
  }

  /** The destination of a tunnel as the previous good poll showed it: the tunnel's IKE peer. */
  Optional<String> previousTunnelDestination(String tunnel) {
    return previous.last().stream()
        .flatMap(snapshot -> snapshot.tunnels().stream())
        .filter(t -> t.name().equals(tunnel))
        .map(TunnelInterface::destinationAddress)
        .filter(destination -> !destination.isEmpty())
        .findFirst();
  }

  boolean wasOpen(EventKind kind, ObjectRef subject) {
    return previous.isOpen(kind, subject);
  }

  void occurred(EventKind kind, ObjectRef subject, String summary, List<Evidence> evidence) {
    occurred.add(
        new Event(
            at, subject, kind, EventStatus.OCCURRED, kind.defaultSeverity(), summary, evidence));
  }

  /** Records the object's state, with a transition when it changed. */
  void state(ObjectRef subject, ObjectState to, String detail) {
    ObjectState from = states.getOrDefault(subject, ObjectState.UNKNOWN);
    if (from != to) {
      transitions.add(new StateTransition(at, subject, from, to, detail));
    }
    states.put(subject, to);
  }

  ObjectState previousState(ObjectRef subject) {
    return previous.states().getOrDefault(subject, ObjectState.UNKNOWN);
  }

  TrackerStep finish() {
    Conditions.Reconciled reconciled =
        Conditions.reconcile(previous.open(), holding, suspected, at);
    List<Event> events = new ArrayList<>(occurred);
    events.addAll(reconciled.opened());
    events.addAll(reconciled.resolved());
    for (Event event : events) {
      if (event.status() != EventStatus.RESOLVED) {
        totals.event(event.kind());
      }
    }
    TrackedDevice next =
        new TrackedDevice(
            device,
            last,
            failedPolls,
            reconciled.open(),
            states,
            seenTunnels,
            seenPeers,
            seenFlows,
            inventory,
            badPolls,
            idlePolls,
            rekeys,
            traffic,
            cpuHighSince,
            totals.build());
    return new TrackerStep(next, events, transitions, rebooted);
  }
}
