package io.tunnelwatch.agent.report.render;

import io.tunnelwatch.agent.report.Histories;
import io.tunnelwatch.agent.report.HistoryData;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.StabilityReport;
import java.io.IOException;
import java.io.StringWriter;

/** The two-router report of the engine tests, rendered. */
final class Reports {

  private Reports() {}

  static StabilityReport twoRouters() {
    ReportRequest request = ReportRequest.of(new ReportPeriod(Histories.D1, Histories.D2));
    return new ReportEngine()
        .compute(request, HistoryData.read(Histories.twoRouters(), request.period()), Histories.D2);
  }

  static String render(ReportFormat format, StabilityReport report) throws IOException {
    StringWriter out = new StringWriter();
    format.renderer().render(report, out);
    return out.toString();
  }
}
