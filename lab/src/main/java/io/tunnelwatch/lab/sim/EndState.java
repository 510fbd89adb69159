package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.events.FailureRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One router's end of a link at one instant.
 *
 * @param faults faults injected on this router and still active
 * @param traffic its packet counters
 * @param failures its failed-negotiation counters since boot
 * @param phase1Failures its last phase-1 failure records, oldest first
 * @param phase2Failures its last phase-2 failure records, oldest first
 * @param highCpuSince when the CPU was last pinned; null if not since boot
 * @param highCpuUntil when that ended; null while it lasts
 */
public record EndState(
    Instant bootTime,
    Set<Fault> faults,
    EndTraffic traffic,
    FailureCounters failures,
    List<FailureRecord> phase1Failures,
    List<FailureRecord> phase2Failures,
    Instant highCpuSince,
    Instant highCpuUntil) {

  public EndState {
    faults = Set.copyOf(faults);
    phase1Failures = List.copyOf(phase1Failures);
    phase2Failures = List.copyOf(phase2Failures);
  }

  /**
   * The packets one router moved through the tunnel.
   *
   * @param offered packets it routed into the tunnel since boot (tunnel output)
   * @param encrypted packets it encrypted and sent since boot (ESP out of the uplink)
   * @param received packets it received from the peer and decrypted since boot (tunnel input)
   * @param flowEncrypted {@code #pkts encrypt} of the current IPsec flow; 0 without one
   * @param flowDecrypted {@code #pkts decrypt} of the current IPsec flow; 0 without one
   * @param saEncrypted packets encrypted on the current outbound SA (starts at 0 on every rekey)
   * @param saDecrypted packets decrypted on the current inbound SA
   * @param lastOffered when it last routed a packet into the tunnel since boot; null if never
   * @param lastReceived when it last received one since boot; null if never
   */
  public record EndTraffic(
      long offered,
      long encrypted,
      long received,
      long flowEncrypted,
      long flowDecrypted,
      long saEncrypted,
      long saDecrypted,
      Instant lastOffered,
      Instant lastReceived,
      double offerRate,
      double encryptRate,
      double receiveRate) {}
}
