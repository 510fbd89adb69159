package io.tunnelwatch.agent.report;

import java.util.Objects;

/**
 * Which IKE peer protects a GRE tunnel: in IPsec over GRE the peer is the tunnel's destination
 * address. The history keys tunnels and peers separately, so the pairing comes from the live
 * snapshots or the operator; a device with exactly one tunnel and one peer pairs them by itself.
 */
public record TunnelBinding(String device, String tunnel, String peer) {

  public TunnelBinding {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(tunnel, "tunnel");
    Objects.requireNonNull(peer, "peer");
  }
}
