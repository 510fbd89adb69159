package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.model.InterfaceStatus;
import java.util.Optional;

/**
 * What the ladder needs to know of one tunnel before it starts.
 *
 * @param tunnel the tunnel interface as {@code show interfaces} showed it when the diagnosis began,
 *     empty for a crypto-map peer without one
 * @param source where pings to the peer leave from: the tunnel source (address or interface)
 * @param peer the peer's public address (the tunnel destination, the crypto peer)
 * @param farTunnelAddress the peer's address inside the tunnel, when known (from the other end's
 *     configuration, or from a /30 or /31)
 */
record TunnelUnderTest(
    Optional<InterfaceStatus> tunnel,
    String source,
    String peer,
    Optional<String> farTunnelAddress) {

  Optional<String> tunnelName() {
    return tunnel.map(InterfaceStatus::name);
  }
}
