package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.util.List;

/**
 * Static configuration of one simulated router.
 *
 * @param uptimeAtStart how long the router claims to have been up when the simulation starts, so
 *     that {@code show version} and interface counters look like a router in service
 */
public record RouterConfig(
    String hostname,
    String site,
    List<EthernetPort> ethernetPorts,
    TunnelPort tunnel,
    CryptoConfig crypto,
    Duration uptimeAtStart,
    String serialNumber) {

  public RouterConfig {
    ethernetPorts = List.copyOf(ethernetPorts);
  }

  /** The port with the given role. */
  public EthernetPort port(EthernetPort.Role role) {
    return ethernetPorts.stream()
        .filter(p -> p.role() == role)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(hostname + " has no " + role + " port"));
  }
}
