package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectRef;
import java.util.Set;

/**
 * Which devices and tunnels a report covers. An empty set means all. Tunnels are written {@code
 * DEVICE:INTERFACE} (e.g. {@code R1:Tunnel10}); selecting a tunnel also selects its device's peers
 * bound to it.
 */
public record Selection(Set<String> devices, Set<String> tunnels) {

  public static final Selection ALL = new Selection(Set.of(), Set.of());

  public Selection {
    devices = Set.copyOf(devices);
    tunnels = Set.copyOf(tunnels);
    for (String tunnel : tunnels) {
      int colon = tunnel.indexOf(':');
      if (colon <= 0 || colon == tunnel.length() - 1) {
        throw new IllegalArgumentException(
            "expected a tunnel written DEVICE:INTERFACE such as R1:Tunnel10, got '" + tunnel + "'");
      }
    }
  }

  public boolean includesDevice(String device) {
    return (devices.isEmpty() || devices.contains(device))
        && (tunnels.isEmpty() || tunnels.stream().anyMatch(t -> t.startsWith(device + ":")));
  }

  public boolean includesTunnel(String device, String tunnel) {
    return includesDevice(device) && (tunnels.isEmpty() || tunnels.contains(device + ":" + tunnel));
  }

  /** Whether an object of the history belongs to the report at all (peers are filtered later). */
  public boolean includes(ObjectRef ref) {
    return ref.tunnel()
        .map(t -> includesTunnel(ref.device(), t))
        .orElseGet(() -> includesDevice(ref.device()));
  }
}
