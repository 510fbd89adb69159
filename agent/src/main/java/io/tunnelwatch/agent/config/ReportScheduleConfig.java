package io.tunnelwatch.agent.config;

import java.util.Objects;

/**
 * A report written on a Quartz cron schedule (see docs/reports.md).
 *
 * @param name file name prefix and schedule identity
 * @param cron Quartz cron expression, evaluated in UTC
 * @param period {@code previous_day}, {@code previous_week} or {@code previous_month}
 * @param format {@code html}, {@code csv} or {@code json}
 * @param directory where the reports go (relative to the configuration file)
 * @param keep how many reports of this schedule to keep; older ones are deleted
 */
public record ReportScheduleConfig(
    String name, String cron, String period, String format, String directory, Integer keep) {

  public static final int DEFAULT_KEEP = 10;

  public ReportScheduleConfig {
    format = Objects.requireNonNullElse(format, "html");
    keep = Objects.requireNonNullElse(keep, DEFAULT_KEEP);
  }
}
