package io.tunnelwatch.agent.poll;

import java.time.Duration;
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
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Runs each device's poll on its own Quartz schedule. Quartz never runs two polls of one device at
 * once ({@link DisallowConcurrentExecution}); a poll that overruns its interval makes the next one
 * wait instead of piling up.
 */
public final class PollScheduler implements AutoCloseable {

  private static final String GROUP = "device-polls";
  private static final int MAX_THREADS = 16;

  private final Scheduler scheduler;
  private final Map<String, PollTask> tasks;

  /**
   * @param tasks one task per device
   * @param intervals poll interval per device name
   */
  public PollScheduler(List<PollTask> tasks, Map<String, Duration> intervals)
      throws SchedulerException {
    this.tasks = tasks.stream().collect(Collectors.toMap(PollTask::device, Function.identity()));
    Properties properties = new Properties();
    // Unique per instance: Quartz keeps schedulers in a JVM-wide repository keyed by this name.
    properties.setProperty("org.quartz.scheduler.instanceName", "tunnelwatch-" + UUID.randomUUID());
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty(
        "org.quartz.threadPool.threadCount",
        Integer.toString(Math.max(1, Math.min(tasks.size(), MAX_THREADS))));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "poll");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    scheduler = new StdSchedulerFactory(properties).getScheduler();
    scheduler.setJobFactory(jobFactory());
    for (PollTask task : tasks) {
      schedule(
          task.device(),
          Objects.requireNonNull(intervals.get(task.device()), "no interval for a polled device"));
    }
  }

  private JobFactory jobFactory() {
    return (bundle, ignored) -> {
      String device = bundle.getJobDetail().getKey().getName();
      PollTask task = Objects.requireNonNull(tasks.get(device), "a job for an unknown device");
      return new DevicePollJob(task);
    };
  }

  private void schedule(String device, Duration interval) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(DevicePollJob.class).withIdentity(device, GROUP).build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(device, GROUP)
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    scheduler.scheduleJob(job, trigger);
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  /** Polls one device now, outside its schedule (still never concurrently with itself). */
  public void pollNow(String device) throws SchedulerException {
    scheduler.triggerJob(new JobKey(device, GROUP));
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the poll scheduler", e);
    } finally {
      tasks.values().forEach(PollTask::close);
    }
  }

  /** The Quartz job: a thin adapter that runs the device's task. */
  @DisallowConcurrentExecution
  static final class DevicePollJob implements Job {
    private final PollTask task;

    DevicePollJob(PollTask task) {
      this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
      task.run();
    }
  }
}
