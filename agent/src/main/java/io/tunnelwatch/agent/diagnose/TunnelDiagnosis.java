package io.tunnelwatch.agent.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * The ladder walked for one tunnel (or crypto peer) of a device.
 *
 * @param tunnel the tunnel interface, empty for a crypto-map peer without one
 * @param peer the peer's public address
 * @param rungs every rung, in ladder order, each passed, failed or not checked
 * @param otherEnd the configured device at the other end, when one was found and compared
 * @param mirror the differences between the two ends' crypto configurations
 */
public record TunnelDiagnosis(
    String device,
    Optional<String> tunnel,
    String peer,
    List<RungResult> rungs,
    Optional<String> otherEnd,
    List<MirrorFinding> mirror) {

  public TunnelDiagnosis {
    rungs = List.copyOf(rungs);
    mirror = List.copyOf(mirror);
  }

  /**
   * The rung that explains the fault. A ping across the tunnel also fails when IPsec is what drops
   * the traffic, so a failed tunnel ping gives way to a failed phase 1 or phase 2 above it; any
   * other failure is the first one up the ladder.
   */
  public Optional<RungResult> failing() {
    Optional<RungResult> first = rungs.stream().filter(RungResult::failed).findFirst();
    if (first.isPresent() && first.get().rung() == Rung.TUNNEL_INTERFACE) {
      Optional<RungResult> ipsec =
          rungs.stream()
              .filter(RungResult::failed)
              .filter(r -> r.rung() == Rung.PHASE1 || r.rung() == Rung.PHASE2)
              .findFirst();
      if (ipsec.isPresent()) {
        return ipsec;
      }
    }
    return first;
  }

  public boolean healthy() {
    return failing().isEmpty();
  }
}
