package io.tunnelwatch.lab.sim;

/**
 * Steady simulated traffic through a tunnel.
 *
 * <p>The rates differ per direction on purpose: a consumer that swaps encrypt and decrypt counters
 * then gets visibly wrong numbers instead of accidentally right ones.
 *
 * @param packetsPerSecondAtoB packets A sends into the tunnel per second
 * @param packetsPerSecondBtoA packets B sends into the tunnel per second
 * @param packetBytes size of each plaintext (inner) IP packet
 */
public record TrafficProfile(
    double packetsPerSecondAtoB, double packetsPerSecondBtoA, int packetBytes) {

  /** Pings of 100 bytes, 5 per second one way and 3 the other. */
  public static TrafficProfile standard() {
    return new TrafficProfile(5, 3, 100);
  }

  /** Packets per second sent by the given side. */
  public double rateFrom(Side side) {
    return side == Side.A ? packetsPerSecondAtoB : packetsPerSecondBtoA;
  }
}
