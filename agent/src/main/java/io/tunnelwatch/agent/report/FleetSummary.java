package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.history.CpuPeak;
import java.util.Optional;

/**
 * Totals over every reported tunnel (or every peer when no tunnel is known).
 *
 * @param basis "tunnels" or "peers": which rows the availability figures sum
 * @param worstCpu the highest hourly CPU peak of any reported device
 */
public record FleetSummary(
    int devices,
    int tunnels,
    int peers,
    String basis,
    Figures figures,
    Figures previous,
    RekeyCounts rekeys,
    Problems problems,
    long transmitBytes,
    long receiveBytes,
    int deviceReboots,
    int unreachableEpisodes,
    Optional<CpuPeak> worstCpu) {

  public Change change() {
    return Change.between(figures, previous);
  }
}
