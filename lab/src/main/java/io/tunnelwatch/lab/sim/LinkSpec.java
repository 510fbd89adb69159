package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * What two routers agreed on for one tunnel.
 *
 * @param addressA public (crypto endpoint) address of side A
 * @param addressB public address of side B
 * @param seed makes SPIs differ between links yet stay reproducible
 */
public record LinkSpec(
    String addressA,
    String addressB,
    Duration ikeLifetime,
    Duration ipsecLifetime,
    long ipsecLifetimeKilobytes,
    TrafficProfile traffic,
    long seed) {

  public String address(Side side) {
    return side == Side.A ? addressA : addressB;
  }
}
