package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.util.List;

/**
 * Static configuration of one simulated router.
 *
 * @param tunnels the GRE tunnels, one per peer, in interface order
 * @param uptimeAtStart how long the router claims to have been up when the simulation starts, so
 *     that {@code show version} and interface counters look like a router in service
 */
public record RouterConfig(
    String hostname,
    String site,
    List<EthernetPort> ethernetPorts,
    List<TunnelPort> tunnels,
    CryptoConfig crypto,
    Duration uptimeAtStart,
    String serialNumber) {

  public RouterConfig {
    ethernetPorts = List.copyOf(ethernetPorts);
    tunnels = List.copyOf(tunnels);
    if (tunnels.isEmpty()) {
      throw new IllegalArgumentException(hostname + " needs at least one tunnel");
    }
  }

  /** A router with a single tunnel, like R1 and R2 of the reference topology. */
  public RouterConfig(
      String hostname,
      String site,
      List<EthernetPort> ethernetPorts,
      TunnelPort tunnel,
      CryptoConfig crypto,
      Duration uptimeAtStart,
      String serialNumber) {
    this(hostname, site, ethernetPorts, List.of(tunnel), crypto, uptimeAtStart, serialNumber);
  }

  /** The first (for the reference routers: the only) tunnel. */
  public TunnelPort tunnel() {
    return tunnels.get(0);
  }

  /** The port with the given role. */
  public EthernetPort port(EthernetPort.Role role) {
    return ethernetPorts.stream()
        .filter(p -> p.role() == role)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(hostname + " has no " + role + " port"));
  }
}
