package io.tunnelwatch.lab.sim;

import java.time.Instant;

/**
 * What a {@link TunnelLink} looks like at one instant. Both routers render from the same state,
 * which is what keeps their outputs mutually consistent.
 *
 * @param upSince when the current IKE/IPsec session came up; null while down
 * @param downSince when the link went down; null while up
 * @param ike the current IKE SA; null while down
 * @param ipsec the current ESP SA pair; null while down
 * @param sentAtoB every packet A ever sent through the tunnel (the tunnel interface counters)
 * @param flowAtoB packets A sent since the IPsec flow was (re)created ({@code #pkts encrypt});
 *     these survive rekeys but restart when the session is torn down and rebuilt
 */
public record LinkState(
    Instant at,
    boolean up,
    Instant upSince,
    Instant downSince,
    IkeSa ike,
    IpsecSaPair ipsec,
    long sentAtoB,
    long sentBtoA,
    long flowAtoB,
    long flowBtoA,
    Instant lastPacketAtoB,
    Instant lastPacketBtoA,
    TrafficProfile traffic,
    long ipsecLifetimeKilobytes) {

  /** Packets the given side sent through the tunnel since the lab started. */
  public long sentBy(Side side) {
    return side == Side.A ? sentAtoB : sentBtoA;
  }

  /** Packets the given side sent on the current IPsec flow. */
  public long flowSentBy(Side side) {
    return side == Side.A ? flowAtoB : flowBtoA;
  }

  /** When the given side last sent a packet into the tunnel; null if never. */
  public Instant lastPacketFrom(Side side) {
    return side == Side.A ? lastPacketAtoB : lastPacketBtoA;
  }

  /** Kilobytes left on the ESP SA carrying the given side's traffic. */
  public long remainingKilobytes(Side sender) {
    if (ipsec == null) {
      return 0;
    }
    long start = sender == Side.A ? ipsec.packetsAtoBAtStart() : ipsec.packetsBtoAAtStart();
    long bytes = (sentBy(sender) - start) * traffic.packetBytes();
    long usedKb = (bytes + 1023) / 1024;
    return Math.max(0, ipsecLifetimeKilobytes - usedKb);
  }
}
