package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.MetricContract;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollTaskTest {

  private static final Instant FIRST = Instant.parse("2026-11-28T12:00:00Z");

  /** Answers each poll with the next scripted outcome. */
  private static class ScriptedPoller implements DevicePoller {
    private final Deque<Object> outcomes = new ArrayDeque<>();
    private final Source source;

    ScriptedPoller(Source source) {
      this.source = source;
    }

    ScriptedPoller() {
      this(Source.SSH);
    }

    ScriptedPoller then(Object outcome) {
      outcomes.add(outcome);
      return this;
    }

    @Override
    public Source source() {
      return source;
    }

    @Override
    public PollResult poll() throws PollException {
      Object next = outcomes.remove();
      if (next instanceof PollException e) {
        throw e;
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (PollResult) next;
    }

    @Override
    public void close() {}
  }

  private static DevicePoller.PollResult success(Instant at, Map<String, Integer> warnings) {
    return new DevicePoller.PollResult(
        new DeviceSnapshot("R1", Source.SSH, at, List.of(), List.of(), List.of(), Optional.empty()),
        warnings);
  }

  private final DeviceStates states = new DeviceStates();
  private final AgentMetrics metrics = AgentMetrics.unregistered();

  /** R1's task over these sources, its events going nowhere. */
  private PollTask task(DevicePoller... pollers) {
    return new PollTask(
        "R1",
        List.of(pollers),
        states,
        metrics,
        new DeviceMonitor(
            "R1",
            TrackerSettings.DEFAULTS,
            new EventFanout(List.of()),
            Clock.systemUTC(),
            DeviceStateStore.none()),
        PollOutcomes.NONE);
  }

  private double polls(String source) {
    return metrics.polls().labelValues(source).get();
  }

  private double failures(String source, String reason) {
    return metrics.pollFailures().labelValues(source, reason).get();
  }

  private SourceHealth health() {
    return states.get("R1").orElseThrow().sources().get(0);
  }

  @Test
  void aFailedPollKeepsTheLastGoodDataAndItsTimestamp() {
    ScriptedPoller poller =
        new ScriptedPoller()
            .then(success(FIRST, Map.of()))
            .then(new PollException("timeout", "R1: no prompt within 100 ms", null));
    states.register("R1", List.of(Source.SSH));
    PollTask task = task(poller);

    task.run();
    task.run();

    DeviceView view = states.get("R1").orElseThrow();
    assertThat(health().up()).isFalse();
    assertThat(health().lastSuccess()).contains(FIRST);
    assertThat(view.snapshot()).map(DeviceSnapshot::collectedAt).contains(FIRST);
    assertThat(polls("ssh")).isEqualTo(2.0);
    assertThat(failures("ssh", "timeout")).isEqualTo(1.0);
  }

  @Test
  void everyFailureReasonOfAPollerIsCountedAtZeroBeforeTheFirstPoll() {
    PrometheusRegistry registry = new PrometheusRegistry();
    ScriptedPoller poller =
        new ScriptedPoller() {
          @Override
          public List<String> failureReasons() {
            return List.of("timeout", "parse");
          }
        };
    states.register("R1", List.of(Source.SSH));
    new PollTask(
        "R1",
        List.of(poller),
        states,
        new AgentMetrics(registry),
        new DeviceMonitor(
            "R1",
            TrackerSettings.DEFAULTS,
            new EventFanout(List.of()),
            Clock.systemUTC(),
            DeviceStateStore.none()),
        PollOutcomes.NONE);

    CounterSnapshot failures =
        registry.scrape().stream()
            .filter(m -> m.getMetadata().getName().equals(MetricContract.POLL_FAILURES.name()))
            .map(CounterSnapshot.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(failures.getDataPoints())
        .extracting(
            p -> p.getLabels().get("reason"), CounterSnapshot.CounterDataPointSnapshot::getValue)
        .containsExactlyInAnyOrder(
            tuple("timeout", 0.0), tuple("parse", 0.0), tuple("internal", 0.0));
  }

  @Test
  void aBugInAPollerIsCountedAndDoesNotEscape() {
    ScriptedPoller poller = new ScriptedPoller().then(new IllegalStateException("boom"));
    states.register("R1", List.of(Source.SSH));
    PollTask task = task(poller);

    task.run();

    assertThat(health().up()).isFalse();
    assertThat(failures("ssh", "internal")).isEqualTo(1.0);
  }

  @Test
  void parseWarningsAreCountedByCommand() {
    ScriptedPoller poller =
        new ScriptedPoller().then(success(FIRST, Map.of("show crypto ipsec sa", 3)));
    states.register("R1", List.of(Source.SSH));

    task(poller).run();

    assertThat(health().up()).isTrue();
    assertThat(metrics.parseWarnings().labelValues("show crypto ipsec sa").get()).isEqualTo(3.0);
  }

  @Test
  void aRegisteredDeviceIsDownUntilItsFirstPoll() {
    states.register("R1", List.of(Source.SSH));

    assertThat(health().up()).isFalse();
    assertThat(health().lastSuccess()).isEmpty();
    assertThat(states.allPolledOnce()).isFalse();
  }

  @Test
  void eachSourceHasItsOwnHealthAndTheViewMergesTheirLastGoodData() {
    TunnelInterface tunnel =
        new TunnelInterface(
            "Tunnel10", true, true, "10.0.0.1", "10.0.0.2", "gre", InterfaceCounters.NONE);
    DeviceSnapshot fromSnmp =
        new DeviceSnapshot(
            "R1", Source.SNMP, FIRST, List.of(tunnel), List.of(), List.of(), Optional.empty());
    ScriptedPoller ssh = new ScriptedPoller(Source.SSH).then(success(FIRST, Map.of()));
    ScriptedPoller snmp =
        new ScriptedPoller(Source.SNMP)
            .then(new DevicePoller.PollResult(fromSnmp, Map.of()))
            .then(new PollException("timeout", "no answer within 3s", null));
    ssh.then(success(FIRST.plusSeconds(30), Map.of()));
    states.register("R1", List.of(Source.SSH, Source.SNMP));
    PollTask task = task(snmp, ssh);

    task.run();
    task.run();

    DeviceView view = states.get("R1").orElseThrow();
    assertThat(view.sources())
        .extracting(SourceHealth::source, SourceHealth::up)
        .containsExactlyInAnyOrder(tuple(Source.SSH, true), tuple(Source.SNMP, false));
    assertThat(view.snapshot().orElseThrow().tunnels())
        .as("the SNMP-only tunnel survives the failed SNMP poll, merged with fresh SSH data")
        .extracting(TunnelInterface::name)
        .containsExactly("Tunnel10");
    assertThat(failures("snmp", "timeout")).isEqualTo(1.0);
    assertThat(polls("ssh")).isEqualTo(2.0);
  }
}
