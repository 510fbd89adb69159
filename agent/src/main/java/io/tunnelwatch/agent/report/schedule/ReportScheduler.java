package io.tunnelwatch.agent.report.schedule;

import io.tunnelwatch.agent.config.ReportScheduleConfig;
import io.tunnelwatch.agent.history.EventHistory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured report schedules on their own one-thread Quartz scheduler, so that a long
 * monthly report never delays a device poll. Cron expressions are evaluated in UTC.
 */
public final class ReportScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);
  private static final String GROUP = "reports";

  private final Scheduler scheduler;
  private final Map<String, ScheduledReport> reports;

  public ReportScheduler(List<ReportScheduleConfig> schedules, EventHistory history, Clock clock)
      throws SchedulerException {
    this(schedules, history, clock, () -> true);
  }

  /**
   * @param runsHere asked when a report is due: false skips it, since another agent of the same
   *     cluster writes it from the same shared history
   */
  public ReportScheduler(
      List<ReportScheduleConfig> schedules,
      EventHistory history,
      Clock clock,
      BooleanSupplier runsHere)
      throws SchedulerException {
    this.reports =
        schedules.stream()
            .map(s -> new ScheduledReport(s, history, clock))
            .collect(Collectors.toMap(ScheduledReport::name, Function.identity()));
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "reports-" + UUID.randomUUID());
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.threadPool.threadCount", "1");
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "report");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    scheduler = new StdSchedulerFactory(properties).getScheduler();
    scheduler.setJobFactory(
        (bundle, ignored) ->
            new ReportJob(
                runsHere,
                Objects.requireNonNull(
                    reports.get(bundle.getJobDetail().getKey().getName()),
                    "a job for an unknown report schedule")));
    for (ReportScheduleConfig s : schedules) {
      scheduler.scheduleJob(
          JobBuilder.newJob(ReportJob.class).withIdentity(s.name(), GROUP).build(),
          TriggerBuilder.newTrigger()
              .withIdentity(s.name(), GROUP)
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(s.cron())
                      .inTimeZone(TimeZone.getTimeZone("UTC"))
                      .withMisfireHandlingInstructionFireAndProceed())
              .build());
    }
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  @Override
  public void close() throws SchedulerException {
    scheduler.shutdown(true);
  }

  /** The Quartz side of a schedule: runs it and logs the outcome; the work is ScheduledReport's. */
  @DisallowConcurrentExecution
  static final class ReportJob implements Job {

    private final BooleanSupplier runsHere;
    private final ScheduledReport report;

    ReportJob(BooleanSupplier runsHere, ScheduledReport report) {
      this.runsHere = runsHere;
      this.report = report;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      if (!runsHere.getAsBoolean()) {
        LOG.debug("report {} is written by another member of the cluster", report.name());
        return;
      }
      try {
        LOG.info("report {} written to {}", report.name(), report.run());
      } catch (Exception e) {
        LOG.warn("report {} failed: {}", report.name(), e.toString());
        throw new JobExecutionException(e, false);
      }
    }
  }
}
