package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.SqliteEventHistory;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.PollException;
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

class HistoryRecordingPollerTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:05Z");

  @TempDir Path dir;

  /** Succeeds with a given CPU, or fails when {@code failWith} is set. */
  private static final class OnePoller implements DevicePoller {
    PollException failWith;
    Instant at = T0;
    double cpu;

    @Override
    public Source source() {
      return Source.SSH;
    }

    @Override
    public PollResult poll() throws PollException {
      if (failWith != null) {
        throw failWith;
      }
      return new PollResult(
          new DeviceSnapshot(
              "R1",
              Source.SSH,
              at,
              List.of(),
              List.of(),
              List.of(),
              Optional.of(new CpuLoad(0.99, cpu, 0.1))),
          Map.of());
    }

    @Override
    public void close() {}
  }

  @Test
  void successfulAndFailedPollsAreCoverageAndTheOneMinuteCpuIsThePeak() throws Exception {
    OnePoller inner = new OnePoller();
    try (SqliteEventHistory store =
        SqliteEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()))) {
      HistoryRecordingPoller poller =
          new HistoryRecordingPoller(
              "R1", inner, store, Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));
      inner.cpu = 0.25;
      poller.poll();
      inner.failWith = new PollException("timeout", "R1: no prompt", null);
      assertThatThrownBy(poller::poll).isSameAs(inner.failWith);

      assertThat(store.coverage(Instant.EPOCH, T0.plusSeconds(3600)))
          .containsExactly(new CoverageInterval("R1", T0, T0.plusSeconds(30)));
      assertThat(store.cpuPeaks(Instant.EPOCH, T0.plusSeconds(3600)))
          .containsExactly(new CpuPeak(Instant.parse("2026-11-28T10:00:00Z"), "R1", 0.25));
    }
  }

  @Test
  void aClosedStoreDoesNotFailThePoll() throws Exception {
    OnePoller inner = new OnePoller();
    SqliteEventHistory store =
        SqliteEventHistory.open(dir, new CoverageGaps(Duration.ofSeconds(90), Map.of()));
    store.close();
    HistoryRecordingPoller poller =
        new HistoryRecordingPoller("R1", inner, store, Clock.systemUTC());

    assertThat(poller.poll().snapshot().device()).isEqualTo("R1");
  }
}
