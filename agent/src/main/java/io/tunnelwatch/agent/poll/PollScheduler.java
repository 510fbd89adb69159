package io.tunnelwatch.agent.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every device on its interval with a bounded pool of workers.
 *
 * <p>Each device is polled once at start, then at a fixed place in every interval ({@link
 * PollPhase}), so a large fleet is spread over the interval instead of being polled in one burst.
 * Quartz's threads only hand due polls to the workers; a poll that finds no free worker waits for
 * one and starts late rather than being dropped; only when it is so late that the device's next
 * poll is already due, or its previous poll has not ended by then, is it skipped in favour of the
 * next one. A device is never polled twice at once. Polls that wait on SNMP answers hold no worker
 * while they wait, so the workers bound blocking work (SSH, history writes), not the fleet size;
 * how many polls are in progress at all is bounded by a {@link PollGate}.
 */
public final class PollScheduler implements AutoCloseable {

  private static final String REGULAR = "device-polls";
  private static final String INITIAL = "initial-polls";
  private static final String CONFIRMATION = "confirmation-polls";

  // Lateness is handled by the job (run late, or skip when the next poll is due), never by
  // Quartz's misfire rules, which would drop a late poll after a fixed threshold.
  private static final long NEVER_MISFIRE_MILLIS = Integer.MAX_VALUE;

  /** Quartz's threads only dispatch: a handful keeps up with thousands of polls a second. */
  private static final int DISPATCH_THREADS = 2;

  /**
   * How long closing waits for polls in flight to be recorded before it closes their sessions.
   * Short: a router that trickles its output would otherwise hold the whole stop for its command
   * deadline.
   */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

  private final Scheduler scheduler;
  private final Map<String, Registration> devices = new ConcurrentHashMap<>();
  private final PollScheduleObserver observer;
  private volatile Duration confirmationDelay;
  private final ExecutorService workers;
  private final PollGate gate;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * One device as scheduled: its poll, its interval and its in-flight mark. A reload that
   * reconnects a device gives it a new registration; a job of the old one that fires meanwhile
   * finds its mark retired and starts nothing.
   */
  private record Registration(ScheduledPoll poll, Duration interval, PollSlot slot) {}

  /**
   * @param polls one poll per device
   * @param intervals poll interval per device name
   * @param workers how many threads run the polls' blocking work
   * @param maxPollsInFlight how many polls may be in progress at once, waiting on a device or not;
   *     more wait their turn in the order they came due
   * @param confirmationDelay how soon a poll that {@linkplain ScheduledPoll#awaitsConfirmation()
   *     awaits confirmation} is repeated, outside the device's regular slots
   * @param observer hears each poll's lateness and every skipped poll
   */
  public PollScheduler(
      List<? extends ScheduledPoll> polls,
      Map<String, Duration> intervals,
      int workers,
      int maxPollsInFlight,
      Duration confirmationDelay,
      PollScheduleObserver observer)
      throws SchedulerException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.observer = observer;
    this.confirmationDelay = confirmationDelay;
    this.workers = Executors.newFixedThreadPool(workers, new WorkerThreads());
    this.gate = new PollGate(maxPollsInFlight);
    scheduler = new StdSchedulerFactory(quartzProperties()).getScheduler();
    scheduler.setJobFactory(jobFactory());
    for (ScheduledPoll poll : polls) {
      add(poll, interval(intervals, poll.device()));
    }
  }

  /**
   * Starts polling a device (at once, then on its interval), which the scheduler closes when it
   * closes or {@linkplain #remove removes} it.
   *
   * @throws IllegalStateException when the device is already scheduled
   */
  public void add(ScheduledPoll poll, Duration interval) throws SchedulerException {
    String device = poll.device();
    Registration registration = new Registration(poll, interval, new PollSlot());
    if (devices.putIfAbsent(device, registration) != null) {
      throw new IllegalStateException("device " + device + " is already scheduled");
    }
    schedule(device, interval, Instant.now());
  }

  /**
   * Stops polling the devices gently, for a handover: no new poll starts, the polls in flight get
   * up to {@code grace} to finish and be recorded, then the sessions close.
   */
  public void retire(Collection<String> leaving, Duration grace) throws SchedulerException {
    List<Registration> retired = new ArrayList<>();
    List<CompletableFuture<Void>> ended = new ArrayList<>();
    for (String device : leaving) {
      Registration registration = devices.remove(device);
      if (registration != null) {
        retired.add(registration);
        ended.add(registration.slot().retire());
        scheduler.deleteJob(new JobKey(device, REGULAR));
      }
    }
    if (!awaitAll(ended, grace)) {
      LOG.warn(
          "polls of handed-over devices still ran after {} ms; closing their sessions",
          grace.toMillis());
    }
    retired.forEach(r -> r.poll().close());
    // A poll still logging in when its session closed ends only now; until it has, the router
    // may still count its connection, and the next owner must not connect beside it.
    if (!awaitAll(ended, grace)) {
      LOG.warn("polls of handed-over devices still ran after their sessions were closed");
    }
  }

  /** True when every poll ended (either way) within {@code timeout}. */
  private static boolean awaitAll(List<CompletableFuture<Void>> futures, Duration timeout) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      // Polls never fail; a failure here is a bug already logged where it happened.
      LOG.debug("a poll ended with a failure", e);
      return futures.stream().allMatch(CompletableFuture::isDone);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops polling a device and closes its poll, which ends a poll under way (its sessions close)
   * and keeps it from recording anything more.
   *
   * @return completes when the device's last poll has ended (at once when none was running)
   */
  public CompletableFuture<Void> remove(String device) throws SchedulerException {
    Registration registration = devices.remove(device);
    if (registration == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> ended = registration.slot().retire();
    scheduler.deleteJob(new JobKey(device, REGULAR));
    registration.poll().close();
    return ended;
  }

  /** How soon polls that await confirmation are repeated, from now on. */
  public void confirmationDelay(Duration delay) {
    confirmationDelay = delay;
  }

  private static Properties quartzProperties() {
    Properties properties = new Properties();
    // Unique per instance: Quartz keeps schedulers in a JVM-wide repository keyed by this name.
    properties.setProperty("org.quartz.scheduler.instanceName", "tunnelwatch-" + UUID.randomUUID());
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(DISPATCH_THREADS));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "poll-dispatch");
    // Hand due triggers over in batches rather than one per scheduler-thread cycle, so that the
    // start of a round (every device due at once) does not queue on that thread.
    properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "64");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty(
        "org.quartz.jobStore.misfireThreshold", Long.toString(NEVER_MISFIRE_MILLIS));
    return properties;
  }

  private static Duration interval(Map<String, Duration> intervals, String device) {
    Duration interval = intervals.get(device);
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("no poll interval for device " + device);
    }
    return interval;
  }

  private JobFactory jobFactory() {
    return (bundle, ignored) -> {
      String device = bundle.getJobDetail().getKey().getName();
      Registration registration = devices.get(device);
      // A trigger that fired as its device was removed finds no registration: nothing to poll.
      return registration == null
          ? context -> {}
          : new DevicePollJob(
              registration.poll(), registration.interval(), registration.slot(), this);
    };
  }

  private void schedule(String device, Duration interval, Instant now) throws SchedulerException {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("no poll interval for device " + device);
    }
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

  /**
   * Stops dispatching, gives the polls in flight {@link #DRAIN_TIMEOUT} to be recorded, then closes
   * the devices' sessions (which ends any poll still waiting on a router).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the poll scheduler", e);
    } finally {
      gate.close();
      drain();
      devices.values().forEach(r -> r.poll().close());
      workers.shutdownNow();
    }
  }

  private void drain() {
    List<CompletableFuture<Void>> running =
        devices.values().stream().map(r -> r.slot().completion()).toList();
    if (!awaitAll(running, DRAIN_TIMEOUT)) {
      LOG.warn(
          "{} polls were still running {} ms after shutdown began; closing their sessions",
          running.stream().filter(f -> !f.isDone()).count(),
          DRAIN_TIMEOUT.toMillis());
    }
  }

  /**
   * Polls the device once more after the confirmation delay, unless such a poll is already due.
   * Called when the device's poll has ended but before it may start again, so two calls for one
   * device never race.
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

  /**
   * Hands a poll whose slot is marked running to a worker once the {@linkplain PollGate gate} lets
   * it in.
   */
  private void dispatch(
      ScheduledPoll poll, Instant due, boolean regular, Duration interval, PollSlot slot) {
    // The callback handles every outcome itself; nothing waits on what it returns.
    var unused =
        gate.enter()
            .whenComplete(
                (ignored, cancelled) -> {
                  if (cancelled != null) {
                    // Shutting down before its turn came: nothing more runs.
                    slot.abandon();
                    return;
                  }
                  try {
                    workers.execute(() -> runOnWorker(poll, due, regular, interval, slot));
                  } catch (RejectedExecutionException e) {
                    gate.release();
                    slot.abandon();
                  }
                });
  }

  /**
   * Runs on a worker: skips the poll when it comes a whole interval late, else starts it and, once
   * it has been recorded, asks for a confirmation poll if it wants one.
   */
  private void runOnWorker(
      ScheduledPoll poll, Instant due, boolean regular, Duration interval, PollSlot slot) {
    Duration lag = Duration.between(due, Instant.now());
    if (regular && lag.compareTo(interval) >= 0) {
      observer.pollSkipped(poll.device(), lag);
      ended(poll, interval, slot);
      return;
    }
    observer.pollStarted(poll.device(), lag.isNegative() ? Duration.ZERO : lag);
    CompletableFuture<Void> done;
    try {
      done = poll.start(workers);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    // The callback handles every outcome itself; nothing waits on what it returns.
    var unused =
        done.whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                LOG.warn(
                    "{}: the poll ended with an internal error: {}",
                    poll.device(),
                    failure.toString());
                LOG.debug("{}: internal error detail", poll.device(), failure);
              }
              try {
                if (failure == null && !slot.retired() && poll.awaitsConfirmation()) {
                  confirmSoon(poll.device());
                }
              } catch (SchedulerException e) {
                LOG.warn(
                    "{}: cannot schedule a confirmation poll: {}", poll.device(), e.toString());
              } finally {
                ended(poll, interval, slot);
              }
            });
  }

  /**
   * The device's poll has ended: it leaves the gate, and the regular poll that came due meanwhile,
   * if any, is dispatched.
   */
  private void ended(ScheduledPoll poll, Duration interval, PollSlot slot) {
    gate.release();
    slot.end().ifPresent(due -> dispatch(poll, due, true, interval, slot));
  }

  /** Non-daemon workers named after what they do, for thread dumps. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task, "poll-worker-" + count.incrementAndGet());
    }
  }

  /**
   * The Quartz job: hands the device's poll to a worker, or leaves it waiting for the device's
   * running poll.
   */
  @DisallowConcurrentExecution
  static final class DevicePollJob implements Job {
    private final ScheduledPoll poll;
    private final Duration interval;
    private final PollSlot slot;
    private final PollScheduler scheduler;

    DevicePollJob(ScheduledPoll poll, Duration interval, PollSlot slot, PollScheduler scheduler) {
      this.poll = poll;
      this.interval = interval;
      this.slot = slot;
      this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) {
      Instant due = context.getScheduledFireTime().toInstant();
      boolean regular = REGULAR.equals(context.getTrigger().getKey().getGroup());
      PollSlot.Admission admission = slot.begin(due, regular);
      admission
          .skipped()
          .ifPresent(
              older -> scheduler.observer.pollSkipped(poll.device(), Duration.between(older, due)));
      if (admission.startNow()) {
        scheduler.dispatch(poll, due, regular, interval, slot);
      }
    }
  }
}
