package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.UsageSample;
import io.tunnelwatch.agent.poll.PollOutcomes;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each poll of one device in the history, once per poll however many sources it read: the
 * poll itself (coverage), the one-minute CPU (hourly peaks), and the traffic of every tunnel and
 * flow. It takes the published (stitched, monotonic) totals, so a rekey or a reboot never shows as
 * negative or doubled traffic. A store failure is logged once per streak and never fails the poll:
 * metrics matter more.
 */
final class HistoryRecorder implements PollOutcomes {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

  private final String device;
  private final EventHistory history;
  private final Clock clock;
  private boolean storeFailing;

  HistoryRecorder(String device, EventHistory history, Clock clock) {
    this.device = device;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public void published(DeviceSnapshot snapshot) {
    record(
        () -> {
          history.recordPoll(device, snapshot.collectedAt(), true);
          snapshot
              .cpu()
              .ifPresent(cpu -> history.recordCpu(device, snapshot.collectedAt(), cpu.oneMinute()));
          recordUsage(snapshot);
        });
  }

  @Override
  public void failed(String failedDevice) {
    record(() -> history.recordPoll(failedDevice, clock.instant(), false));
  }

  private void recordUsage(DeviceSnapshot snapshot) {
    for (TunnelInterface tunnel : snapshot.tunnels()) {
      InterfaceCounters counters = tunnel.counters();
      if (counters.transmitBytes().isPresent() && counters.receiveBytes().isPresent()) {
        history.recordUsage(
            new UsageSample(
                snapshot.collectedAt(),
                ObjectRef.tunnel(device, tunnel.name()),
                counters.transmitBytes().getAsLong(),
                counters.receiveBytes().getAsLong()));
      }
    }
    for (IpsecFlow flow : snapshot.ipsecFlows()) {
      IpsecCounters counters = flow.counters();
      if (counters.transmitBytes().isPresent() && counters.receiveBytes().isPresent()) {
        history.recordUsage(
            new UsageSample(
                snapshot.collectedAt(),
                ObjectRef.flow(device, flow.peer(), flow.flow()),
                counters.transmitBytes().getAsLong(),
                counters.receiveBytes().getAsLong()));
      }
    }
  }

  private void record(Runnable write) {
    try {
      write.run();
      if (storeFailing) {
        LOG.info("{}: history store writable again", device);
        storeFailing = false;
      }
    } catch (RuntimeException e) {
      if (!storeFailing) {
        LOG.error("{}: cannot record the poll in the history: {}", device, e.getMessage());
        storeFailing = true;
      }
    }
  }
}
