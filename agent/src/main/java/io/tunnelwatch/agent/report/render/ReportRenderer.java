package io.tunnelwatch.agent.report.render;

import io.tunnelwatch.agent.report.StabilityReport;
import java.io.IOException;
import java.io.Writer;

/** Writes a computed report in one format. */
public interface ReportRenderer {

  void render(StabilityReport report, Writer out) throws IOException;
}
