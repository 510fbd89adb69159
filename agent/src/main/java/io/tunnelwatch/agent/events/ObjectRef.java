package io.tunnelwatch.agent.events;

import java.util.Objects;
import java.util.Optional;

/**
 * A stable identity on one device: the device itself, a tunnel interface by name, an IKE peer by
 * remote address, or an IPsec flow by peer and traffic selector pair (labels of docs/metrics.md).
 * Never an SPI, a conn-id or an SNMP index: those change on every renegotiation.
 */
public record ObjectRef(
    ObjectKind kind,
    String device,
    Optional<String> tunnel,
    Optional<String> peer,
    Optional<String> flow) {

  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(tunnel, "tunnel");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(flow, "flow");
    boolean shapeMatches =
        switch (kind) {
          case DEVICE -> tunnel.isEmpty() && peer.isEmpty() && flow.isEmpty();
          case TUNNEL -> tunnel.isPresent() && peer.isEmpty() && flow.isEmpty();
          case IKE_PEER -> tunnel.isEmpty() && peer.isPresent() && flow.isEmpty();
          case IPSEC_FLOW -> tunnel.isEmpty() && peer.isPresent() && flow.isPresent();
        };
    if (!shapeMatches) {
      throw new IllegalArgumentException("labels do not fit a " + kind + " reference");
    }
  }

  public static ObjectRef device(String device) {
    return new ObjectRef(
        ObjectKind.DEVICE, device, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static ObjectRef tunnel(String device, String tunnel) {
    return new ObjectRef(
        ObjectKind.TUNNEL, device, Optional.of(tunnel), Optional.empty(), Optional.empty());
  }

  public static ObjectRef peer(String device, String peer) {
    return new ObjectRef(
        ObjectKind.IKE_PEER, device, Optional.empty(), Optional.of(peer), Optional.empty());
  }

  public static ObjectRef flow(String device, String peer, String flow) {
    return new ObjectRef(
        ObjectKind.IPSEC_FLOW, device, Optional.empty(), Optional.of(peer), Optional.of(flow));
  }

  /** A compact, stable key such as {@code R1/tunnel/Tunnel10}, for storage and deduplication. */
  public String key() {
    return switch (kind) {
      case DEVICE -> device;
      case TUNNEL -> device + "/tunnel/" + tunnel.orElseThrow();
      case IKE_PEER -> device + "/peer/" + peer.orElseThrow();
      case IPSEC_FLOW -> device + "/flow/" + peer.orElseThrow() + "/" + flow.orElseThrow();
    };
  }
}
