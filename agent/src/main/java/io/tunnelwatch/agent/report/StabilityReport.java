package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.history.CpuPeak;
import java.time.Instant;
import java.util.List;

/**
 * A computed stability report: immutable, ready for any renderer.
 *
 * @param ranking the worst tunnels (or peers when no tunnel is known), worst first
 * @param cpuPeaks per device, its highest hourly CPU peak in the period
 */
public record StabilityReport(
    ReportRequest request,
    Instant generatedAt,
    FleetSummary fleet,
    List<SubjectReport> tunnels,
    List<SubjectReport> peers,
    List<SubjectReport> ranking,
    List<CpuPeak> cpuPeaks) {

  public StabilityReport {
    tunnels = List.copyOf(tunnels);
    peers = List.copyOf(peers);
    ranking = List.copyOf(ranking);
    cpuPeaks = List.copyOf(cpuPeaks);
  }

  public ReportPeriod period() {
    return request.period();
  }
}
