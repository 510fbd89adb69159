package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The two ESP SAs (one per direction) negotiated for the GRE flow.
 *
 * @param spiAtoB SPI of the SA carrying A's traffic: A's outbound, B's inbound
 * @param spiBtoA SPI of the SA carrying B's traffic: B's outbound, A's inbound
 * @param packetsAtoBAtStart the A-to-B packet count when the pair was installed, to compute the
 *     volume each SA has used
 */
public record IpsecSaPair(
    int generation,
    Instant created,
    Duration lifetime,
    long spiAtoB,
    long spiBtoA,
    long packetsAtoBAtStart,
    long packetsBtoAAtStart) {

  public Instant expiry() {
    return created.plus(lifetime);
  }

  public long remainingSeconds(Instant at) {
    long ms = Duration.between(at, expiry()).toMillis();
    return Math.max(0, ms / 1000);
  }

  /** The SPI of the SA the given side sends on. */
  public long outboundSpi(Side side) {
    return side == Side.A ? spiAtoB : spiBtoA;
  }

  /** The SPI of the SA the given side receives on. */
  public long inboundSpi(Side side) {
    return outboundSpi(side.peer());
  }
}
