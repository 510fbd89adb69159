package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.TunnelInterface;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Tunnel interfaces: line protocol state, down conditions, flaps. */
final class TunnelRules {

  private TunnelRules() {}

  static void apply(Work work, DeviceSnapshot now) {
    Map<String, TunnelInterface> byName =
        now.tunnels().stream()
            .collect(Collectors.toMap(TunnelInterface::name, Function.identity(), (a, b) -> a));
    Set<String> expected = new TreeSet<>(work.settings.expectedTunnels());
    if (expected.isEmpty()) {
      expected.addAll(work.seenTunnels);
      expected.addAll(byName.keySet());
    }
    work.seenTunnels.addAll(byName.keySet());
    for (String name : expected) {
      judge(work, name, byName.get(name));
    }
  }

  private static void judge(Work work, String name, @Nullable TunnelInterface tunnel) {
    ObjectRef ref = ObjectRef.tunnel(work.device, name);
    ObjectState before = work.previousState(ref);
    if (tunnel == null) {
      work.state(ref, ObjectState.DOWN, "absent");
      work.holds(
          new Finding(
              EventKind.TUNNEL_DOWN,
              ref,
              Summaries.tunnelMissing(work.device, name),
              List.of(new Evidence("interface", before.name(), "absent")),
              work.previousTunnelDestination(name)));
      return;
    }
    boolean up = tunnel.lineProtocolUp();
    String detail =
        up ? "line protocol up" : tunnel.adminUp() ? "line protocol down" : "administratively down";
    work.state(ref, up ? ObjectState.UP : ObjectState.DOWN, detail);
    if (!up && before == ObjectState.UP) {
      work.totals.tunnelFlap(name);
      work.occurred(
          EventKind.TUNNEL_FLAP,
          ref,
          Summaries.tunnelFlap(work.device, name),
          List.of(new Evidence("line protocol", "up", "down")));
    }
    // An administratively shut tunnel is someone's decision, not an outage.
    if (!up && tunnel.adminUp()) {
      work.holds(
          new Finding(
              EventKind.TUNNEL_DOWN,
              ref,
              Summaries.tunnelDown(work.device, name, tunnel.destinationAddress()),
              List.of(new Evidence("line protocol", before.name(), "down")),
              Optional.of(tunnel.destinationAddress()).filter(d -> !d.isEmpty())));
    }
  }

  /** Peers whose tunnel is administratively down: nobody expects their IKE to be up. */
  static Set<String> shutPeers(DeviceSnapshot now) {
    return now.tunnels().stream()
        .filter(t -> !t.adminUp())
        .map(TunnelInterface::destinationAddress)
        .collect(Collectors.toSet());
  }
}
