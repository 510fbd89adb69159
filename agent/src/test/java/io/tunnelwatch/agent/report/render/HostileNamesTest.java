package io.tunnelwatch.agent.report.render;

import static io.tunnelwatch.agent.report.Histories.D0;
import static io.tunnelwatch.agent.report.Histories.D1;
import static io.tunnelwatch.agent.report.Histories.D2;
import static io.tunnelwatch.agent.report.Histories.covered;
import static io.tunnelwatch.agent.report.Histories.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.report.HistoryData;
import io.tunnelwatch.agent.report.InMemoryEventHistory;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.StabilityReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interface names come from router output: the renderers must not trust them. */
class HostileNamesTest {

  private static final String NAME = "Tunnel<script>alert(1)</script>,\"x\"";

  private static StabilityReport report() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    history.add(covered("R1", D0, D2)).add(up(D0, ObjectRef.tunnel("R1", NAME)));
    ReportRequest request = ReportRequest.of(new ReportPeriod(D1, D2));
    return new ReportEngine().compute(request, HistoryData.read(history, request.period()), D2);
  }

  @Test
  void htmlEscapesThem() throws Exception {
    String html = Reports.render(ReportFormat.HTML, report());

    assertThat(html).doesNotContain("<script").contains("Tunnel&lt;script&gt;alert(1)");
  }

  @Test
  void csvQuotesThemAndReadsBackTheSameName() throws Exception {
    List<List<String>> rows =
        CsvReportRendererTest.parse(Reports.render(ReportFormat.CSV, report()));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(2)).isEqualTo(NAME);
    assertThat(rows.get(1)).hasSameSizeAs(rows.get(0));
  }
}
