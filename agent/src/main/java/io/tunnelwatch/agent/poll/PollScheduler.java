package io.tunnelwatch.agent.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Keeps every device on its interval with a bounded pool of workers.
 *
 * <p>Each device is polled once at start, then at a fixed place in every interval ({@link
 * PollPhase}), so a large fleet is spread over the interval instead of being polled in one burst. A
 * poll that finds no free worker waits for one and starts late rather than being dropped; only when
 * it is so late that the device's next poll is already due is it skipped in favour of that one.
 * Quartz never runs two polls of one device at once ({@link DisallowConcurrentExecution}).
 */
public final class PollScheduler implements AutoCloseable {

  private static final String REGULAR = "device-polls";
  private static final String INITIAL = "initial-polls";
  private static final String CONFIRMATION = "confirmation-polls";

  // Lateness is handled by the job (run late, or skip when the next poll is due), never by
  // Quartz's misfire rules, which would drop a late poll after a fixed threshold.
  private static final long NEVER_MISFIRE_MILLIS = Integer.MAX_VALUE;

  private final Scheduler scheduler;
  private final Map<String, ScheduledPoll> polls;
  private final Map<String, Duration> intervals;
  private final PollScheduleObserver observer;
  private final Duration confirmationDelay;

  /**
   * @param polls one poll per device
   * @param intervals poll interval per device name
   * @param workers how many polls may run at once
   * @param confirmationDelay how soon a poll that {@linkplain ScheduledPoll#awaitsConfirmation()
   *     awaits confirmation} is repeated, outside the device's regular slots
   * @param observer hears each poll's lateness and every skipped poll
   */
  public PollScheduler(
      List<? extends ScheduledPoll> polls,
      Map<String, Duration> intervals,
      int workers,
      Duration confirmationDelay,
      PollScheduleObserver observer)
      throws SchedulerException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.polls =
        polls.stream().collect(Collectors.toMap(ScheduledPoll::device, Function.identity()));
    this.intervals = Map.copyOf(intervals);
    this.observer = observer;
    this.confirmationDelay = confirmationDelay;
    scheduler = new StdSchedulerFactory(quartzProperties(workers)).getScheduler();
    scheduler.setJobFactory(jobFactory());
    Instant now = Instant.now();
    for (ScheduledPoll poll : polls) {
      schedule(poll.device(), interval(poll.device()), now);
    }
  }

  private static Properties quartzProperties(int workers) {
    Properties properties = new Properties();
    // Unique per instance: Quartz keeps schedulers in a JVM-wide repository keyed by this name.
    properties.setProperty("org.quartz.scheduler.instanceName", "tunnelwatch-" + UUID.randomUUID());
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(workers));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "poll");
    // Hand due triggers to the workers in batches rather than one per scheduler-thread cycle,
    // so that the start of a round (every device due at once) does not queue on that thread.
    properties.setProperty(
        "org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(workers));
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty(
        "org.quartz.jobStore.misfireThreshold", Long.toString(NEVER_MISFIRE_MILLIS));
    return properties;
  }

  private Duration interval(String device) {
    Duration interval = intervals.get(device);
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("no poll interval for device " + device);
    }
    return interval;
  }

  private JobFactory jobFactory() {
    return (bundle, ignored) -> {
      String device = bundle.getJobDetail().getKey().getName();
      ScheduledPoll poll =
          Objects.requireNonNull(polls.get(device), () -> "a job for an unknown device " + device);
      return new DevicePollJob(poll, interval(device), this);
    };
  }

  private void schedule(String device, Duration interval, Instant now) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(DevicePollJob.class).withIdentity(device, REGULAR).build();
    // The first regular poll comes at least half an interval after the initial one, so the two
    // do not run back to back.
    Instant firstSlot =
        PollPhase.firstSlotAtOrAfter(device, interval, now.plus(interval.dividedBy(2)));
    Trigger regular =
        TriggerBuilder.newTrigger()
            .withIdentity(device, REGULAR)
            .startAt(Date.from(firstSlot))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionIgnoreMisfires())
            .build();
    Trigger initial =
        TriggerBuilder.newTrigger().withIdentity(device, INITIAL).forJob(job).startNow().build();
    scheduler.scheduleJob(job, regular);
    scheduler.scheduleJob(initial);
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the poll scheduler", e);
    } finally {
      polls.values().forEach(ScheduledPoll::close);
    }
  }

  /**
   * Polls the device once more after the confirmation delay, unless such a poll is already due.
   * Called on the poll's worker thread, so the device's poll is not running concurrently.
   */
  private void confirmSoon(String device) throws SchedulerException {
    TriggerKey key = new TriggerKey(device, CONFIRMATION);
    if (scheduler.checkExists(key)) {
      return;
    }
    scheduler.scheduleJob(
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(new JobKey(device, REGULAR))
            .startAt(Date.from(Instant.now().plus(confirmationDelay)))
            .build());
  }

  /** The Quartz job: runs the device's poll, or skips it when it is a whole interval late. */
  @DisallowConcurrentExecution
  static final class DevicePollJob implements Job {
    private final ScheduledPoll poll;
    private final Duration interval;
    private final PollScheduler scheduler;

    DevicePollJob(ScheduledPoll poll, Duration interval, PollScheduler scheduler) {
      this.poll = poll;
      this.interval = interval;
      this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      Duration lag = Duration.between(context.getScheduledFireTime().toInstant(), Instant.now());
      boolean regular = REGULAR.equals(context.getTrigger().getKey().getGroup());
      if (regular && lag.compareTo(interval) >= 0) {
        scheduler.observer.pollSkipped(poll.device(), lag);
        return;
      }
      scheduler.observer.pollStarted(poll.device(), lag.isNegative() ? Duration.ZERO : lag);
      poll.run();
      if (poll.awaitsConfirmation()) {
        try {
          scheduler.confirmSoon(poll.device());
        } catch (SchedulerException e) {
          throw new JobExecutionException("cannot schedule a confirmation poll", e);
        }
      }
    }
  }
}
