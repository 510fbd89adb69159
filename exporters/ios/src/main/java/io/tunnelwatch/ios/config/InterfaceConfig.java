package io.tunnelwatch.ios.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The crypto-relevant parts of one {@code interface} section.
 *
 * @param name the interface name as printed, e.g. {@code Tunnel10}
 * @param address primary address and mask, e.g. {@code 10.0.0.1 255.255.255.0}
 * @param cryptoMap the crypto map applied to the interface
 * @param tunnelSource {@code tunnel source}: an address or an interface name
 * @param tunnelDestination {@code tunnel destination}: an address or a host name
 * @param tunnelProtection the IPsec profile of {@code tunnel protection ipsec profile}
 * @param lines the section's lines as printed, header first, secrets redacted
 */
public record InterfaceConfig(
    String name,
    Optional<String> address,
    Optional<String> cryptoMap,
    Optional<String> tunnelSource,
    Optional<String> tunnelDestination,
    Optional<String> tunnelProtection,
    List<String> lines) {

  public InterfaceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(cryptoMap, "cryptoMap");
    Objects.requireNonNull(tunnelSource, "tunnelSource");
    Objects.requireNonNull(tunnelDestination, "tunnelDestination");
    Objects.requireNonNull(tunnelProtection, "tunnelProtection");
    lines = List.copyOf(lines);
  }

  /** The primary address without its mask. */
  public Optional<String> ip() {
    return address.map(a -> a.split(" ")[0]);
  }

  /** The primary address's mask. */
  public Optional<String> mask() {
    return address.map(a -> a.split(" ")).filter(p -> p.length > 1).map(p -> p[1]);
  }

  /** True for a GRE (or other) tunnel interface, i.e. one with a tunnel source or destination. */
  public boolean isTunnel() {
    return tunnelSource.isPresent() || tunnelDestination.isPresent();
  }

  /**
   * True when both interfaces have an address with the same mask and both addresses lie in the same
   * network, as the two ends of a point-to-point tunnel must.
   */
  public boolean sameSubnet(InterfaceConfig other) {
    Optional<String> ownMask = mask();
    if (ip().isEmpty() || other.ip().isEmpty() || ownMask.isEmpty()) {
      return false;
    }
    if (!ownMask.equals(other.mask()) || Ipv4.prefixLength(ownMask.orElseThrow()) < 0) {
      return false;
    }
    return Ipv4.inNetwork(other.ip().orElseThrow(), ip().orElseThrow(), ownMask.orElseThrow());
  }
}
