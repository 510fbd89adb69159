package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.alerting.OutboxJournal;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.UsageBucket;
import io.tunnelwatch.agent.history.UsageSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A test fake of the history: holds what tests put in and answers the period queries with the
 * half-open overlap rules the SQLite store documents. Reads are counted so tests can check that a
 * report reads the history only once.
 */
public final class InMemoryEventHistory implements EventHistory {

  private final List<Event> events = new ArrayList<>();
  private final List<StateTransition> transitions = new ArrayList<>();
  private final List<CoverageInterval> coverage = new ArrayList<>();
  private final List<UsageBucket> usage = new ArrayList<>();
  private final List<CpuPeak> cpu = new ArrayList<>();
  private int reads;
  private boolean closed;

  public InMemoryEventHistory add(Event e) {
    events.add(e);
    return this;
  }

  public InMemoryEventHistory add(StateTransition t) {
    transitions.add(t);
    return this;
  }

  public InMemoryEventHistory add(CoverageInterval c) {
    coverage.add(c);
    return this;
  }

  public InMemoryEventHistory add(UsageBucket u) {
    usage.add(u);
    return this;
  }

  public InMemoryEventHistory add(CpuPeak p) {
    cpu.add(p);
    return this;
  }

  public int reads() {
    return reads;
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void onEvent(Event event) {
    events.add(event);
  }

  @Override
  public void onTransition(StateTransition transition) {
    transitions.add(transition);
  }

  @Override
  public void recordPoll(String device, Instant at, boolean success) {
    throw new UnsupportedOperationException("reports only read");
  }

  @Override
  public void recordUsage(UsageSample sample) {
    throw new UnsupportedOperationException("reports only read");
  }

  @Override
  public void recordCpu(String device, Instant at, double ratio) {
    throw new UnsupportedOperationException("reports only read");
  }

  @Override
  public DeviceStateStore deviceStates() {
    return DeviceStateStore.none();
  }

  @Override
  public OutboxJournal alertOutbox() {
    return OutboxJournal.none();
  }

  private static Predicate<Instant> in(Instant from, Instant to) {
    return t -> !t.isBefore(from) && t.isBefore(to);
  }

  @Override
  public List<Event> events(Instant from, Instant to) {
    reads++;
    return events.stream().filter(e -> in(from, to).test(e.at())).toList();
  }

  @Override
  public List<StateTransition> transitions(Instant from, Instant to) {
    reads++;
    return transitions.stream().filter(t -> in(from, to).test(t.at())).toList();
  }

  @Override
  public List<CoverageInterval> coverage(Instant from, Instant to) {
    reads++;
    return coverage.stream().filter(c -> c.from().isBefore(to) && c.to().isAfter(from)).toList();
  }

  @Override
  public List<UsageBucket> usage(Instant from, Instant to) {
    reads++;
    return usage.stream().filter(u -> in(from, to).test(u.hour())).toList();
  }

  @Override
  public List<CpuPeak> cpuPeaks(Instant from, Instant to) {
    reads++;
    return cpu.stream().filter(p -> in(from, to).test(p.hour())).toList();
  }

  @Override
  public void close() {
    closed = true;
  }
}
