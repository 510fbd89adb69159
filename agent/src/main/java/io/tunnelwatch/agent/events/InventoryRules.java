package io.tunnelwatch.agent.events;

import io.tunnelwatch.agent.events.TrackedDevice.Sighting;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learned inventory: when the router last listed each tunnel, IKE peer and IPsec flow, and
 * retiring those the configuration does not expect once they are absent for longer than {@code
 * forget_after}, or at once when the configuration lists the expected ones without them. Without
 * retirement a tunnel deleted on purpose would stay down, and its series and alerts would stay, for
 * ever.
 */
final class InventoryRules {

  private InventoryRules() {}

  /** Forgets what has been absent too long; runs before the rules judge the expected objects. */
  static void retire(Work work, DeviceSnapshot now) {
    Set<ObjectRef> listed = listed(work.device, now);
    // Objects learned before the inventory kept times start their clock now.
    known(work).forEach(ref -> work.inventory.putIfAbsent(ref, new Sighting(work.at, work.at)));
    Instant cutoff = work.at.minus(work.settings.forgetAfter());
    List<Map.Entry<ObjectRef, Sighting>> gone =
        work.inventory.entrySet().stream()
            .filter(e -> !listed.contains(e.getKey()))
            .filter(e -> !expected(work.settings, e.getKey()))
            .filter(
                e ->
                    e.getValue().lastSeen().isBefore(cutoff)
                        || unlistedByOperator(work.settings, e.getKey()))
            .map(e -> Map.entry(e.getKey(), e.getValue()))
            .sorted(Comparator.comparing(e -> e.getKey().key()))
            .toList();
    gone.forEach(e -> forget(work, e.getKey(), e.getValue().lastSeen()));
  }

  /** Records that the router lists these objects now. */
  static void sighted(Work work, DeviceSnapshot now) {
    for (ObjectRef ref : listed(work.device, now)) {
      work.inventory.merge(
          ref, new Sighting(work.at, work.at), (before, ignored) -> before.seenAgain(work.at));
    }
  }

  private static void forget(Work work, ObjectRef ref, Instant lastSeen) {
    Duration absent = Duration.between(lastSeen, work.at);
    switch (ref.kind()) {
      case TUNNEL -> work.seenTunnels.remove(ref.tunnel().orElseThrow());
      case IKE_PEER -> {
        work.seenPeers.remove(ref.peer().orElseThrow());
        work.idlePolls.remove(ref.peer().orElseThrow());
      }
      case IPSEC_FLOW -> work.seenFlows.remove(ref);
      case DEVICE -> throw new IllegalArgumentException("a device is not retired: " + ref.key());
    }
    // The history's last word on the object, so that reports do not count it down for ever.
    work.state(ref, ObjectState.UNKNOWN, "retired after " + Summaries.duration(absent) + " absent");
    work.states.remove(ref);
    work.badPolls.remove(ref);
    work.rekeys.remove(ref);
    work.traffic.remove(ref);
    work.inventory.remove(ref);
    work.totals.forget(ref);
    work.occurred(
        EventKind.OBJECT_RETIRED,
        ref,
        Summaries.retired(work.device, ref, absent),
        List.of(new Evidence("absent for", "", Summaries.duration(absent))));
  }

  private static boolean expected(TrackerSettings settings, ObjectRef ref) {
    return switch (ref.kind()) {
      case TUNNEL -> settings.expectedTunnels().contains(ref.tunnel().orElseThrow());
      case IKE_PEER -> settings.expectedPeers().contains(ref.peer().orElseThrow());
      case IPSEC_FLOW, DEVICE -> false;
    };
  }

  /**
   * The configuration names the expected tunnels (peers) and this one is not among them: the
   * operator removed it, so it goes as soon as the router stops listing it.
   */
  private static boolean unlistedByOperator(TrackerSettings settings, ObjectRef ref) {
    return switch (ref.kind()) {
      case TUNNEL -> !settings.expectedTunnels().isEmpty();
      case IKE_PEER -> !settings.expectedPeers().isEmpty();
      case IPSEC_FLOW, DEVICE -> false;
    };
  }

  private static Set<ObjectRef> known(Work work) {
    Set<ObjectRef> known = new HashSet<>(work.seenFlows);
    work.seenTunnels.forEach(t -> known.add(ObjectRef.tunnel(work.device, t)));
    work.seenPeers.forEach(p -> known.add(ObjectRef.peer(work.device, p)));
    return known;
  }

  private static Set<ObjectRef> listed(String device, DeviceSnapshot now) {
    Set<ObjectRef> listed = new HashSet<>();
    for (TunnelInterface t : now.tunnels()) {
      listed.add(ObjectRef.tunnel(device, t.name()));
    }
    for (IkeSa sa : now.ikeSas()) {
      listed.add(ObjectRef.peer(device, sa.peer()));
    }
    for (IpsecFlow f : now.ipsecFlows()) {
      listed.add(ObjectRef.flow(device, f.peer(), f.flow()));
    }
    return listed;
  }
}
