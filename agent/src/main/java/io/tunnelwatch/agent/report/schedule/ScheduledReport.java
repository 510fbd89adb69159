package io.tunnelwatch.agent.report.schedule;

import io.tunnelwatch.agent.config.ReportScheduleConfig;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.report.ReportGenerator;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.render.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/** One configured schedule's work: report on the last complete period, then prune old files. */
public final class ScheduledReport {

  private final ReportScheduleConfig config;
  private final PeriodKind period;
  private final ReportFormat format;
  private final EventHistory history;
  private final ReportGenerator generator;
  private final Clock clock;

  public ScheduledReport(ReportScheduleConfig config, EventHistory history, Clock clock) {
    this.config = config;
    this.period = PeriodKind.fromConfig(config.period());
    this.format =
        ReportFormat.fromName(config.format())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "expected one of "
                            + ReportFormat.names()
                            + ", got '"
                            + config.format()
                            + "'"));
    this.history = history;
    this.generator = new ReportGenerator(clock);
    this.clock = clock;
  }

  public String name() {
    return config.name();
  }

  /** Writes the report for the period before now and returns its path. */
  public Path run() throws IOException {
    ReportPeriod covered = period.before(clock.instant());
    StabilityReport report = generator.generate(history, ReportRequest.of(covered));
    Path directory = Path.of(config.directory());
    Path file =
        directory.resolve(
            ReportRetention.fileName(
                config.name(),
                covered.from().atZone(ZoneOffset.UTC).toLocalDate(),
                format.extension()));
    // The agent owns its report directory; the report command, a read path, creates none.
    Files.createDirectories(directory);
    ReportGenerator.write(report, format, file);
    ReportRetention.keepLast(directory, config.name(), format.extension(), config.keep());
    return file;
  }
}
