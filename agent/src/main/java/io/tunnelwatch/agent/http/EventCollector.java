package io.tunnelwatch.agent.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventTotals;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.TrackedDevice;
import io.tunnelwatch.core.metrics.FamilyBuilder;
import io.tunnelwatch.core.metrics.MetricContract;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The event counter families of the metric contract (docs/metrics.md), read from each device's
 * tracked state at scrape time. Every series of a known object is present from the first poll, at
 * 0, so that dashboards and alert rules see it before anything happens.
 */
public final class EventCollector implements MultiCollector {

  private final EventTracker tracker;
  private final Predicate<String> deviceFilter;

  EventCollector(EventTracker tracker, Predicate<String> deviceFilter) {
    this.tracker = tracker;
    this.deviceFilter = deviceFilter;
  }

  public static EventCollector allDevices(EventTracker tracker) {
    return new EventCollector(tracker, device -> true);
  }

  @Override
  public MetricSnapshots collect() {
    Families families = new Families();
    for (DeviceMonitor monitor : tracker.monitors()) {
      if (deviceFilter.test(monitor.device())) {
        families.add(monitor);
      }
    }
    return families.build();
  }

  /** One scrape's event families, filled device by device. */
  private static final class Families {
    private final FamilyBuilder.Counter events = MetricContract.EVENTS.builder();
    private final FamilyBuilder.Counter ikeRekeys = MetricContract.IKE_REKEYS.builder();
    private final FamilyBuilder.Counter ipsecRekeys = MetricContract.IPSEC_REKEYS.builder();
    private final FamilyBuilder.Counter flaps = MetricContract.TUNNEL_FLAPS.builder();
    private final FamilyBuilder.Counter reboots = MetricContract.DEVICE_REBOOTS.builder();
    private final FamilyBuilder.Counter phase1 = MetricContract.IKE_PHASE1_FAILURES.builder();
    private final FamilyBuilder.Counter phase2 = MetricContract.IPSEC_PHASE2_FAILURES.builder();
    private final FamilyBuilder.Gauge stalled = MetricContract.IPSEC_COUNTERS_STALLED.builder();

    void add(DeviceMonitor monitor) {
      String device = monitor.device();
      Optional<Instant> created = Optional.of(monitor.startedAt());
      TrackedDevice state = monitor.tracked();
      EventTotals totals = state.totals();
      for (EventKind kind : EventKind.values()) {
        events.add(totals.events(kind), created, device, kind.wireName());
      }
      reboots.add(totals.reboots(), created, device);
      addPeers(device, created, peers(monitor, state, totals), totals);
      addTunnels(device, created, state, totals);
      addFlows(device, created, state, totals);
    }

    private void addPeers(
        String device, Optional<Instant> created, Set<String> peers, EventTotals totals) {
      for (String peer : peers) {
        ikeRekeys.add(totals.ikeRekeys().getOrDefault(peer, 0L), created, device, peer);
        phase1.add(totals.phase1Failures().getOrDefault(peer, 0L), created, device, peer);
        phase2.add(totals.phase2Failures().getOrDefault(peer, 0L), created, device, peer);
      }
    }

    private void addTunnels(
        String device, Optional<Instant> created, TrackedDevice state, EventTotals totals) {
      for (String tunnel : new TreeSet<>(state.seenTunnels())) {
        flaps.add(totals.tunnelFlaps().getOrDefault(tunnel, 0L), created, device, tunnel);
      }
    }

    private void addFlows(
        String device, Optional<Instant> created, TrackedDevice state, EventTotals totals) {
      Map<String, ObjectRef> flows = new TreeMap<>();
      state.seenFlows().forEach(f -> flows.put(f.key(), f));
      for (ObjectRef flow : flows.values()) {
        String peer = flow.peer().orElseThrow();
        String name = flow.flow().orElseThrow();
        ipsecRekeys.add(totals.ipsecRekeys().getOrDefault(flow, 0L), created, device, peer, name);
        stalled.add(state.isOpen(EventKind.COUNTERS_STALLED, flow), device, peer, name);
      }
    }

    /** Every family, even without a device, as the scrape has always listed them. */
    MetricSnapshots build() {
      MetricSnapshots.Builder builder = MetricSnapshots.builder();
      Stream.of(events, ikeRekeys, ipsecRekeys, flaps, reboots, phase1, phase2, stalled)
          .map(FamilyBuilder::build)
          .forEach(builder::metricSnapshot);
      return builder.build();
    }
  }

  /** Peers seen, expected, or blamed for a failure (including {@code unknown}). */
  private static Set<String> peers(DeviceMonitor monitor, TrackedDevice state, EventTotals totals) {
    Set<String> peers = new TreeSet<>(state.seenPeers());
    peers.addAll(monitor.settings().expectedPeers());
    peers.addAll(totals.ikeRekeys().keySet());
    peers.addAll(totals.phase1Failures().keySet());
    peers.addAll(totals.phase2Failures().keySet());
    return peers;
  }
}
