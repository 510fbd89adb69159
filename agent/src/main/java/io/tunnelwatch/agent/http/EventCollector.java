package io.tunnelwatch.agent.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventTotals;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.TrackedDevice;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

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

  static EventCollector oneDevice(EventTracker tracker, String device) {
    return new EventCollector(tracker, device::equals);
  }

  @Override
  public MetricSnapshots collect() {
    CounterSnapshot.Builder events =
        CounterSnapshot.builder()
            .name("tunnelwatch_events")
            .help("Events detected, by kind (openings and occurrences).");
    CounterSnapshot.Builder ikeRekeys =
        CounterSnapshot.builder()
            .name("tunnelwatch_ike_rekeys")
            .help("IKE SAs replaced by a new one (new conn-id or younger SA) for the peer.");
    CounterSnapshot.Builder ipsecRekeys =
        CounterSnapshot.builder()
            .name("tunnelwatch_ipsec_rekeys")
            .help("IPsec SA pairs replaced (new SPI pair or younger SA) for the flow.");
    CounterSnapshot.Builder flaps =
        CounterSnapshot.builder()
            .name("tunnelwatch_tunnel_flaps")
            .help("Tunnel line protocol up to down transitions seen.");
    CounterSnapshot.Builder reboots =
        CounterSnapshot.builder()
            .name("tunnelwatch_device_reboots")
            .help("Device reboots seen (uptime went backwards).");
    CounterSnapshot.Builder phase1 =
        CounterSnapshot.builder()
            .name("tunnelwatch_ike_phase1_failures")
            .help(
                "Failed IKE phase-1 attempts seen (state machine, device failure counters,"
                    + " notifications); peer=\"unknown\" when the device does not say which.");
    CounterSnapshot.Builder phase2 =
        CounterSnapshot.builder()
            .name("tunnelwatch_ipsec_phase2_failures")
            .help(
                "Failed IPsec phase-2 attempts seen (state machine, device failure counters,"
                    + " notifications).");
    GaugeSnapshot.Builder stalled =
        GaugeSnapshot.builder()
            .name("tunnelwatch_ipsec_counters_stalled")
            .help("1 while the flow's SAs are up but its encrypt/decrypt counters stand still.");
    for (DeviceMonitor monitor : tracker.monitors()) {
      if (!deviceFilter.test(monitor.device())) {
        continue;
      }
      String device = monitor.device();
      long created = monitor.startedAt().toEpochMilli();
      TrackedDevice state = monitor.tracked();
      EventTotals totals = state.totals();
      for (EventKind kind : EventKind.values()) {
        events.dataPoint(
            counter(totals.events(kind), created, "device", device, "kind", kind.wireName()));
      }
      reboots.dataPoint(counter(totals.reboots(), created, "device", device));
      for (String peer : peers(monitor, state, totals)) {
        ikeRekeys.dataPoint(
            counter(
                totals.ikeRekeys().getOrDefault(peer, 0L),
                created,
                "device",
                device,
                "peer",
                peer));
        phase1.dataPoint(
            counter(
                totals.phase1Failures().getOrDefault(peer, 0L),
                created,
                "device",
                device,
                "peer",
                peer));
        phase2.dataPoint(
            counter(
                totals.phase2Failures().getOrDefault(peer, 0L),
                created,
                "device",
                device,
                "peer",
                peer));
      }
      for (String tunnel : new TreeSet<>(state.seenTunnels())) {
        flaps.dataPoint(
            counter(
                totals.tunnelFlaps().getOrDefault(tunnel, 0L),
                created,
                "device",
                device,
                "tunnel",
                tunnel));
      }
      Map<String, ObjectRef> flows = new TreeMap<>();
      state.seenFlows().forEach(f -> flows.put(f.key(), f));
      for (ObjectRef flow : flows.values()) {
        String[] labels = {
          "device", device, "flow", flow.flow().orElseThrow(), "peer", flow.peer().orElseThrow()
        };
        ipsecRekeys.dataPoint(
            counter(totals.ipsecRekeys().getOrDefault(flow, 0L), created, labels));
        stalled.dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(Labels.of(labels))
                .value(state.isOpen(EventKind.COUNTERS_STALLED, flow) ? 1.0 : 0.0)
                .build());
      }
    }
    return MetricSnapshots.builder()
        .metricSnapshot(events.build())
        .metricSnapshot(ikeRekeys.build())
        .metricSnapshot(ipsecRekeys.build())
        .metricSnapshot(flaps.build())
        .metricSnapshot(reboots.build())
        .metricSnapshot(phase1.build())
        .metricSnapshot(phase2.build())
        .metricSnapshot(stalled.build())
        .build();
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

  private static CounterDataPointSnapshot counter(
      long value, long createdMillis, String... labels) {
    return CounterDataPointSnapshot.builder()
        .labels(Labels.of(labels))
        .value((double) value)
        .createdTimestampMillis(createdMillis)
        .build();
  }
}
