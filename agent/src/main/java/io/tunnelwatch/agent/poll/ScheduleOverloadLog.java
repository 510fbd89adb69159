package io.tunnelwatch.agent.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log when the workers cannot poll the fleet within its interval: once at the first
 * skipped poll, then at most once per quiet period with how many were skipped since, so an
 * overloaded agent does not also flood its log.
 */
public final class ScheduleOverloadLog implements PollScheduleObserver {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleOverloadLog.class);

  private final Clock clock;
  private final Duration quietPeriod;
  private final int workers;
  private final AtomicLong skippedSinceLog = new AtomicLong();
  private final AtomicLong lastLoggedMillis = new AtomicLong(Long.MIN_VALUE);

  public ScheduleOverloadLog(Clock clock, Duration quietPeriod, int workers) {
    this.clock = clock;
    this.quietPeriod = quietPeriod;
    this.workers = workers;
  }

  @Override
  public void pollStarted(String device, Duration lag) {}

  @Override
  public void pollSkipped(String device, Duration lag) {
    long skipped = skippedSinceLog.incrementAndGet();
    long now = clock.millis();
    long last = lastLoggedMillis.get();
    boolean quiet = last != Long.MIN_VALUE && now - last < quietPeriod.toMillis();
    if (quiet || !lastLoggedMillis.compareAndSet(last, now)) {
      return;
    }
    skippedSinceLog.addAndGet(-skipped);
    LOG.warn(
        "a poll round does not fit in the interval: {} poll(s) skipped (latest: device {}, {} ms"
            + " late) with {} workers; give the agent more workers or the devices a longer"
            + " interval",
        skipped,
        device,
        lag.toMillis(),
        workers);
  }
}
