package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.events.IkeFailReason;
import java.time.Instant;

/**
 * What a {@link TunnelLink} looks like at one instant. Both routers render from the same state,
 * which is what keeps their outputs mutually consistent.
 *
 * @param sessionSince when the current IKE session came up; null without one
 * @param downSince when the tunnel line protocol went down; null while up
 * @param ike the established IKE SA ({@link LinkPhase#UP}, {@link LinkPhase#PHASE2_FAILING}), or
 *     the failing main-mode attempt ({@link LinkPhase#PHASE1_FAILING}); null while down
 * @param ipsec the current ESP SA pair; null unless {@link LinkPhase#UP}
 * @param phase1Reason why main mode fails; null unless {@link LinkPhase#PHASE1_FAILING}
 */
public record LinkState(
    Instant at,
    LinkPhase phase,
    Instant sessionSince,
    Instant downSince,
    IkeSa ike,
    IpsecSaPair ipsec,
    IkeFailReason phase1Reason,
    TrafficProfile traffic,
    long ipsecLifetimeKilobytes,
    EndState endA,
    EndState endB) {

  /** True while the GRE tunnel's line protocol is up (anything but {@link LinkPhase#DOWN}). */
  public boolean lineUp() {
    return phase != LinkPhase.DOWN;
  }

  public EndState end(Side side) {
    return side == Side.A ? endA : endB;
  }

  /** Kilobytes left on the ESP SA carrying the given side's traffic. */
  public long remainingKilobytes(Side sender) {
    if (ipsec == null) {
      return 0;
    }
    long bytes = end(sender).traffic().saEncrypted() * traffic.packetBytes();
    long usedKb = (bytes + 1023) / 1024;
    return Math.max(0, ipsecLifetimeKilobytes - usedKb);
  }
}
