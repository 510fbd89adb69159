package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.history.CpuPeak;
import java.util.List;
import java.util.Optional;

/**
 * The report on one tunnel (line protocol AND the IPsec SAs of its bound peer) or one IKE peer (its
 * IPsec SAs).
 *
 * @param subject a TUNNEL or IKE_PEER reference
 * @param related the peer bound to a tunnel, or the tunnels bound to a peer
 * @param previous the same figures over the previous period of equal length
 * @param cpuPeak the device's highest hourly CPU peak in the period
 */
public record SubjectReport(
    ObjectRef subject,
    List<String> related,
    Figures figures,
    Figures previous,
    List<Segment> timeline,
    List<Outage> outages,
    RekeyCounts rekeys,
    Problems problems,
    Traffic traffic,
    Optional<CpuPeak> cpuPeak) {

  public SubjectReport {
    related = List.copyOf(related);
    timeline = List.copyOf(timeline);
    outages = List.copyOf(outages);
  }

  /** {@code Tunnel10} for a tunnel, the peer address for a peer. */
  public String name() {
    return subject.tunnel().or(subject::peer).orElseThrow();
  }

  public Change change() {
    return Change.between(figures, previous);
  }

  public String device() {
    return subject.device();
  }
}
