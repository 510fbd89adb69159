package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Counter movement: stalled flows and one-way traffic over the traffic window. */
final class TrafficRules {

  private TrafficRules() {}

  /** Follows the tunnel interfaces' packet counters (evidence that traffic is expected). */
  static void tunnels(Work work, DeviceSnapshot now) {
    for (TunnelInterface tunnel : now.tunnels()) {
      OptionalLong tx = tunnel.counters().transmitPackets();
      OptionalLong rx = tunnel.counters().receivePackets();
      ObjectRef ref = ObjectRef.tunnel(work.device, tunnel.name());
      if (tx.isEmpty() || rx.isEmpty()) {
        continue;
      }
      TrackedDevice.Traffic before = work.traffic.get(ref);
      work.traffic.put(
          ref,
          before == null
              ? TrackedDevice.Traffic.first(tx.getAsLong(), rx.getAsLong(), work.at)
              : before.next(tx.getAsLong(), rx.getAsLong(), work.at));
    }
  }

  static void flow(Work work, ObjectRef ref, IpsecFlow flow, DeviceSnapshot now) {
    OptionalLong encrypted = flow.counters().encrypted();
    OptionalLong decrypted = flow.counters().decrypted();
    if (encrypted.isEmpty() || decrypted.isEmpty()) {
      work.suspect(EventKind.COUNTERS_STALLED, ref);
      work.suspect(EventKind.ONE_WAY_TRAFFIC, ref);
      return;
    }
    TrackedDevice.Traffic before = work.traffic.get(ref);
    TrackedDevice.Traffic t =
        before == null
            ? TrackedDevice.Traffic.first(encrypted.getAsLong(), decrypted.getAsLong(), work.at)
            : before.next(encrypted.getAsLong(), decrypted.getAsLong(), work.at);
    work.traffic.put(ref, t);
    Duration window = work.settings.trafficWindow();
    if (quietFor(t.since(), work.at, window)) {
      boolean outQuiet = quietFor(t.outMovedAt(), work.at, window);
      boolean inQuiet = quietFor(t.inMovedAt(), work.at, window);
      String peer = ref.peer().orElseThrow();
      String name = ref.flow().orElseThrow();
      if (outQuiet && inQuiet && (t.everMoved() || tunnelMoving(work, now, peer))) {
        work.holds(
            new Finding(
                EventKind.COUNTERS_STALLED,
                ref,
                Summaries.stalled(work.device, name, peer, window),
                List.of(
                    new Evidence("pkts encrypt", Long.toString(t.out()), Long.toString(t.out())),
                    new Evidence("pkts decrypt", Long.toString(t.in()), Long.toString(t.in())),
                    new Evidence("unchanged since", "", t.outMovedAt().toString()))));
      } else if (outQuiet != inQuiet) {
        boolean encrypts = !outQuiet;
        work.holds(
            new Finding(
                EventKind.ONE_WAY_TRAFFIC,
                ref,
                Summaries.oneWay(work.device, name, peer, encrypts, window),
                List.of(
                    new Evidence(
                        encrypts ? "pkts decrypt" : "pkts encrypt",
                        "unchanged since " + (encrypts ? t.inMovedAt() : t.outMovedAt()),
                        Long.toString(encrypts ? t.in() : t.out())),
                    new Evidence(
                        encrypts ? "pkts encrypt" : "pkts decrypt",
                        "",
                        Long.toString(encrypts ? t.out() : t.in())))));
      }
    }
  }

  /** Traffic is expected when the tunnel towards the peer carries packets within the window. */
  private static boolean tunnelMoving(Work work, DeviceSnapshot now, String peer) {
    return now.tunnels().stream()
        .filter(t -> t.destinationAddress().equals(peer))
        .map(t -> work.traffic.get(ObjectRef.tunnel(work.device, t.name())))
        .anyMatch(
            t ->
                t != null
                    && t.everMoved()
                    && !quietFor(
                        t.outMovedAt().isAfter(t.inMovedAt()) ? t.outMovedAt() : t.inMovedAt(),
                        work.at,
                        work.settings.trafficWindow()));
  }

  private static boolean quietFor(Instant since, Instant at, Duration window) {
    return Duration.between(since, at).compareTo(window) >= 0;
  }
}
