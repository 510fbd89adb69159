package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.TunnelInterface;
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
  private static final class ScriptedPoller implements DevicePoller {
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
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

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
    PollTask task = new PollTask("R1", poller, states, meters);

    task.run();
    task.run();

    DeviceView view = states.get("R1").orElseThrow();
    assertThat(health().up()).isFalse();
    assertThat(health().lastSuccess()).contains(FIRST);
    assertThat(view.snapshot()).map(DeviceSnapshot::collectedAt).contains(FIRST);
    assertThat(meters.counter("tunnelwatch.polls", "source", "ssh").count()).isEqualTo(2.0);
    assertThat(
            meters
                .counter("tunnelwatch.poll.failures", "source", "ssh", "reason", "timeout")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aBugInAPollerIsCountedAndDoesNotEscape() {
    ScriptedPoller poller = new ScriptedPoller().then(new IllegalStateException("boom"));
    states.register("R1", List.of(Source.SSH));
    PollTask task = new PollTask("R1", poller, states, meters);

    task.run();

    assertThat(health().up()).isFalse();
    assertThat(
            meters
                .counter("tunnelwatch.poll.failures", "source", "ssh", "reason", "internal")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void parseWarningsAreCountedByCommand() {
    ScriptedPoller poller =
        new ScriptedPoller().then(success(FIRST, Map.of("show crypto ipsec sa", 3)));
    states.register("R1", List.of(Source.SSH));

    new PollTask("R1", poller, states, meters).run();

    assertThat(health().up()).isTrue();
    assertThat(
            meters.counter("tunnelwatch.parse.warnings", "command", "show crypto ipsec sa").count())
        .isEqualTo(3.0);
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
    PollTask task = new PollTask("R1", List.of(snmp, ssh), states, meters);

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
    assertThat(
            meters
                .counter("tunnelwatch.poll.failures", "source", "snmp", "reason", "timeout")
                .count())
        .isEqualTo(1.0);
    assertThat(meters.counter("tunnelwatch.polls", "source", "ssh").count()).isEqualTo(2.0);
  }
}
