package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.UsageBucket;
import java.time.Instant;
import java.util.List;

/**
 * Everything a report reads, fetched from the history once so that the computation works on an
 * immutable copy while the agent keeps writing.
 *
 * @param transitions every transition before {@code to}, so that the state at the start of the
 *     period is known even when it last changed long ago
 */
public record HistoryData(
    List<Event> events,
    List<StateTransition> transitions,
    List<CoverageInterval> coverage,
    List<UsageBucket> usage,
    List<CpuPeak> cpuPeaks) {

  public HistoryData {
    events = List.copyOf(events);
    transitions = List.copyOf(transitions);
    coverage = List.copyOf(coverage);
    usage = List.copyOf(usage);
    cpuPeaks = List.copyOf(cpuPeaks);
  }

  /** Reads what a report on {@code period} and its previous period needs. */
  public static HistoryData read(EventHistory history, ReportPeriod period) {
    Instant from = period.previous().from();
    Instant to = period.to();
    return new HistoryData(
        history.events(from, to),
        history.transitions(Instant.EPOCH, to),
        history.coverage(from, to),
        history.usage(from, to),
        history.cpuPeaks(from, to));
  }
}
