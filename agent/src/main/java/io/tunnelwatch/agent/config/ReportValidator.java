package io.tunnelwatch.agent.config;

import java.text.ParseException;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/** A {@code reports} entry: a unique name, a Quartz schedule, a period, a format, a folder. */
final class ReportValidator {

  private static final Set<String> PERIODS =
      Set.of("previous_day", "previous_week", "previous_month");
  private static final Set<String> FORMATS = Set.of("html", "csv", "json");

  private ReportValidator() {}

  static void validate(
      ConfigChecks checks, String path, @Nullable ReportScheduleConfig report, Set<String> names) {
    if (report == null) {
      checks.problem(path, "expected a mapping with name, cron, period and directory");
      return;
    }
    checks.requireName(path + ".name", report.name());
    if (report.name() != null
        && ConfigChecks.NAME.matcher(report.name()).matches()
        && !names.add(report.name())) {
      checks.problem(path + ".name", "duplicate report name '" + report.name() + "'");
    }
    validateCron(checks, path + ".cron", report.cron());
    if (report.period() == null || !PERIODS.contains(report.period())) {
      checks.problem(
          path + ".period",
          "expected one of " + new TreeSet<>(PERIODS) + ", got " + Shown.quoted(report.period()));
    }
    if (!FORMATS.contains(report.format())) {
      checks.problem(
          path + ".format",
          "expected one of " + new TreeSet<>(FORMATS) + ", got " + Shown.quoted(report.format()));
    }
    if (ConfigChecks.blank(report.directory())) {
      checks.problem(path + ".directory", "expected the folder the reports are written to");
    } else {
      new FileChecks(checks).requireWritableDirectory(path + ".directory", report.directory());
    }
    if (report.keep() < 1) {
      checks.problem(path + ".keep", "expected at least 1, got " + report.keep());
    }
  }

  private static void validateCron(ConfigChecks checks, String path, @Nullable String cron) {
    if (cron == null) {
      checks.problem(path, "expected a Quartz cron expression such as '0 0 6 * * ?'");
      return;
    }
    try {
      new CronExpression(cron);
    } catch (ParseException e) {
      checks.problem(
          path,
          "expected a Quartz cron expression (seconds minutes hours day-of-month month"
              + " day-of-week) such as '0 0 6 * * ?', got "
              + Shown.quoted(cron)
              + ": "
              + e.getMessage());
    }
  }
}
