package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRecorderTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:05Z");

  @TempDir Path dir;

  private static DeviceSnapshot polled(Instant at, double oneMinuteCpu) {
    return new DeviceSnapshot(
        "R1",
        Source.SSH,
        at,
        List.of(),
        List.of(),
        List.of(),
        Optional.of(new CpuLoad(0.99, oneMinuteCpu, 0.1)));
  }

  @Test
  void successfulAndFailedPollsAreCoverageAndTheOneMinuteCpuIsThePeak() throws Exception {
    try (JdbcEventHistory store =
        JdbcEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()))) {
      HistoryRecorder recorder =
          new HistoryRecorder("R1", store, Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));

      recorder.published(polled(T0, 0.25));
      recorder.failed("R1");

      assertThat(store.coverage(Instant.EPOCH, T0.plusSeconds(3600)))
          .containsExactly(new CoverageInterval("R1", T0, T0.plusSeconds(30)));
      assertThat(store.cpuPeaks(Instant.EPOCH, T0.plusSeconds(3600)))
          .containsExactly(new CpuPeak(Instant.parse("2026-11-28T10:00:00Z"), "R1", 0.25));
    }
  }

  @Test
  void aClosedStoreDoesNotFailThePoll() throws Exception {
    JdbcEventHistory store =
        JdbcEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()));
    store.close();
    DevicePoller poller =
        new DevicePoller() {
          @Override
          public Source source() {
            return Source.SSH;
          }

          @Override
          public PollResult poll() {
            return new PollResult(polled(T0, 0.25), Map.of());
          }

          @Override
          public void close() {}
        };
    DeviceStates states = new DeviceStates();
    PollTask task =
        new PollTask(
            "R1",
            List.of(poller),
            states,
            AgentMetrics.unregistered(),
            new DeviceMonitor(
                "R1",
                TrackerSettings.DEFAULTS,
                new EventFanout(List.of()),
                Clock.systemUTC(),
                DeviceStateStore.none()),
            new HistoryRecorder("R1", store, Clock.systemUTC()));

    task.run();

    assertThat(states.get("R1").orElseThrow().snapshot())
        .hasValueSatisfying(s -> assertThat(s.collectedAt()).isEqualTo(T0));
  }
}
