package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.events.FailureRecord;
import io.tunnelwatch.lab.sim.FailureCounters;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Failure counters and the most recent failure records of one router, as the CISCO-IPSEC-FLOW-
 * MONITOR-MIB publishes them.
 *
 * @param ikeInitTunnelFails {@code cikeGlobalInitTunnelFails}
 * @param ikeRespTunnelFails {@code cikeGlobalRespTunnelFails}
 * @param ikeAuthFails {@code cikeGlobalAuthFails}
 * @param ikeNoSaFails {@code cikeGlobalNoSaFails}
 * @param ipsecProtocolUseFails {@code cipSecGlobalProtocolUseFails}: failed quick modes
 * @param ipsecNoSaFails {@code cipSecGlobalNoSaFails}
 * @param phase1 rows of {@code cikeFailTable}, oldest first
 * @param phase2 rows of {@code cipSecFailTable}, oldest first
 */
public record FailureState(
    long ikeInitTunnelFails,
    long ikeRespTunnelFails,
    long ikeAuthFails,
    long ikeNoSaFails,
    long ipsecProtocolUseFails,
    long ipsecNoSaFails,
    List<Phase1Failure> phase1,
    List<Phase2Failure> phase2) {

  public static final FailureState EMPTY = new FailureState(0, 0, 0, 0, 0, 0, List.of(), List.of());

  public FailureState {
    phase1 = List.copyOf(phase1);
    phase2 = List.copyOf(phase2);
  }

  /**
   * The counters and records the fault injection keeps for the router the snapshot shows. A failed
   * quick mode leaves no IPsec tunnel or SA behind, so its row names tunnel 0 and SPI 0.
   */
  public static FailureState of(RouterSnapshot snapshot) {
    FailureCounters c = snapshot.failures();
    List<Phase1Failure> phase1 = new ArrayList<>();
    for (FailureRecord r : snapshot.phase1Failures()) {
      phase1.add(
          new Phase1Failure(
              Math.toIntExact(r.index()),
              r.reason().code(),
              uptime(snapshot, r),
              r.localAddress(),
              r.remoteAddress()));
    }
    List<Phase2Failure> phase2 = new ArrayList<>();
    for (FailureRecord r : snapshot.phase2Failures()) {
      phase2.add(
          new Phase2Failure(
              Math.toIntExact(r.index()),
              r.reason().code(),
              uptime(snapshot, r),
              0,
              0,
              r.localAddress(),
              r.remoteAddress()));
    }
    return new FailureState(
        c.ikeInitTunnelFails(),
        c.ikeRespTunnelFails(),
        c.ikeAuthFails(),
        0,
        c.ipsecProtocolUseFails(),
        0,
        phase1,
        phase2);
  }

  private static Duration uptime(RouterSnapshot snapshot, FailureRecord r) {
    return r.uptime() != null ? r.uptime() : Duration.between(snapshot.bootTime(), r.at());
  }

  /**
   * One {@code cikeFailTable} row.
   *
   * @param index {@code cikeFailIndex}: starts at 1, +1 per failure
   * @param reason {@code cikeFailReason} code, e.g. 5 = authFailure, 10 = proposalFailure
   * @param atUptime the router's uptime when it failed ({@code cikeFailTime})
   */
  public record Phase1Failure(
      int index, int reason, Duration atUptime, String localAddress, String remoteAddress) {
    public Phase1Failure {
      Objects.requireNonNull(atUptime, "atUptime");
      Objects.requireNonNull(localAddress, "localAddress");
      Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
  }

  /**
   * One {@code cipSecFailTable} row.
   *
   * @param index {@code cipSecFailIndex}: starts at 1, +1 per failure
   * @param reason {@code cipSecFailReason} code, e.g. 4 = proposalFailure
   * @param tunnelIndex {@code cipSecFailTunnelIndex}
   * @param spi {@code cipSecFailSaSpi}; 0 when no SA was involved
   */
  public record Phase2Failure(
      int index,
      int reason,
      Duration atUptime,
      int tunnelIndex,
      long spi,
      String sourceAddress,
      String destinationAddress) {
    public Phase2Failure {
      Objects.requireNonNull(atUptime, "atUptime");
      Objects.requireNonNull(sourceAddress, "sourceAddress");
      Objects.requireNonNull(destinationAddress, "destinationAddress");
    }
  }
}
