package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.alerting.OutboxJournal;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.StateTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The agent's durable record: events, state transitions, when it was polling, traffic and CPU.
 * Writes are durable when the call returns (a SIGKILL right after loses nothing). Reads take a
 * half-open period [from, to).
 */
public interface EventHistory extends EventListener, AutoCloseable {

  /** Records that a poll of the device ran at {@code at}, extending the coverage interval. */
  void recordPoll(String device, Instant at, boolean success);

  void recordUsage(UsageSample sample);

  void recordCpu(String device, Instant at, double ratio);

  /** Where each device's tracker state is kept across restarts, in the same store. */
  DeviceStateStore deviceStates();

  /** Where alerts waiting for their Alertmanagers are kept across restarts, in the same store. */
  OutboxJournal alertOutbox();

  List<Event> events(Instant from, Instant to);

  /**
   * The latest {@code limit} events before {@code before}, oldest first, e.g. for the status page.
   * This default reads the week before; a store answers it without reading more than it returns.
   */
  default List<Event> latestEvents(Instant before, int limit) {
    List<Event> week = events(before.minus(Duration.ofDays(7)), before);
    return List.copyOf(week.subList(Math.max(0, week.size() - limit), week.size()));
  }

  List<StateTransition> transitions(Instant from, Instant to);

  List<CoverageInterval> coverage(Instant from, Instant to);

  List<UsageBucket> usage(Instant from, Instant to);

  List<CpuPeak> cpuPeaks(Instant from, Instant to);

  @Override
  void close();
}
