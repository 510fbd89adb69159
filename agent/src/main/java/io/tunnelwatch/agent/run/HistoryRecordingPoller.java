package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.PollException;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every poll of a device (coverage) and its one-minute CPU (hourly peaks) in the history. A
 * store failure is logged once per streak and never fails the poll: metrics matter more.
 */
final class HistoryRecordingPoller implements DevicePoller {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRecordingPoller.class);

  private final String device;
  private final DevicePoller delegate;
  private final EventHistory history;
  private final Clock clock;
  private boolean storeFailing;

  HistoryRecordingPoller(String device, DevicePoller delegate, EventHistory history, Clock clock) {
    this.device = device;
    this.delegate = delegate;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public Source source() {
    return delegate.source();
  }

  @Override
  public PollResult poll() throws PollException {
    PollResult result;
    try {
      result = delegate.poll();
    } catch (PollException | RuntimeException e) {
      record(() -> history.recordPoll(device, clock.instant(), false));
      throw e;
    }
    DeviceSnapshot snapshot = result.snapshot();
    record(
        () -> {
          history.recordPoll(device, snapshot.collectedAt(), true);
          snapshot
              .cpu()
              .ifPresent(cpu -> history.recordCpu(device, snapshot.collectedAt(), cpu.oneMinute()));
        });
    return result;
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

  @Override
  public void close() {
    delegate.close();
  }
}
