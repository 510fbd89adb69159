package io.tunnelwatch.lab.sim;

/**
 * A router's failed-negotiation counters since boot, named after the CISCO-IPSEC-FLOW-MONITOR-MIB
 * objects they stand for.
 *
 * @param ikeInitTunnelFails {@code cikeGlobalInitTunnelFails}: main modes this router started that
 *     failed
 * @param ikeRespTunnelFails {@code cikeGlobalRespTunnelFails}: main modes the peer started that
 *     failed here
 * @param ikeAuthFails {@code cikeGlobalAuthFails}: failures to authenticate the peer (pre-shared
 *     key mismatch)
 * @param ipsecProtocolUseFails {@code cipSecGlobalProtocolUseFails}: quick modes that failed
 */
public record FailureCounters(
    long ikeInitTunnelFails,
    long ikeRespTunnelFails,
    long ikeAuthFails,
    long ipsecProtocolUseFails) {

  public static final FailureCounters ZERO = new FailureCounters(0, 0, 0, 0);

  /** Failed phase-1 negotiations, initiated or responded to. */
  public long phase1() {
    return ikeInitTunnelFails + ikeRespTunnelFails;
  }

  /** Failed phase-2 negotiations. */
  public long phase2() {
    return ipsecProtocolUseFails;
  }
}
