package io.tunnelwatch.agent.bench;

import io.tunnelwatch.agent.report.HistoryData;
import io.tunnelwatch.agent.report.RekeyPolicy;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.Selection;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.render.ReportFormat;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Writes the benchmark's synthetic history for two devices (eight tunnels) as a 30-day report in
 * every format, for docs/img/report-example.png. Argument: the output folder.
 */
public final class ReportExample {

  private ReportExample() {}

  public static void main(String[] args) throws Exception {
    Path folder = Files.createDirectories(Path.of(args[0]));
    ReportBenchmark.Fleet fleet = ReportBenchmark.generate(new Random(7), 2);
    ReportPeriod period =
        new ReportPeriod(
            ReportBenchmark.START.plus(Duration.ofDays(30)),
            ReportBenchmark.START.plus(Duration.ofDays(60)));
    ReportRequest request =
        new ReportRequest(period, Selection.ALL, RekeyPolicy.IOS_DEFAULTS, fleet.bindings());
    StabilityReport report =
        new ReportEngine().compute(request, HistoryData.read(fleet.history(), period), period.to());
    for (ReportFormat format : ReportFormat.values()) {
      try (Writer w = Files.newBufferedWriter(folder.resolve("example." + format.extension()))) {
        format.renderer().render(report, w);
      }
    }
  }
}
