package io.tunnelwatch.agent.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

  /** An RFC 4180 reader written for this test, independent of the renderer's quoting. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    if (!row.isEmpty() || cell.length() > 0) {
      throw new AssertionError("last record not terminated by CRLF");
    }
    return rows;
  }

  private static Map<String, String> record(List<String> header, List<String> row) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      map.put(header.get(i), row.get(i));
    }
    return map;
  }

  @Test
  void parsesBackAsATableWithAHeaderRowAndOneRowPerTunnelAndPeer() throws IOException {
    List<List<String>> rows = parse(Reports.render(ReportFormat.CSV, Reports.twoRouters()));

    List<String> header = rows.get(0);
    assertThat(header).isEqualTo(CsvReportRenderer.HEADER);
    assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
    Map<String, String> r1 = record(header, rows.get(1));
    assertThat(r1)
        .containsEntry("kind", "tunnel")
        .containsEntry("device", "R1")
        .containsEntry("name", "Tunnel10")
        .containsEntry("related", "200.0.0.1")
        .containsEntry("availability_percent", "90.909")
        .containsEntry("down_seconds", "7200.000")
        .containsEntry("outages", "3")
        .containsEntry("mtbf_seconds", "36000.000")
        .containsEntry("mttr_seconds", "2400.000")
        .containsEntry("previous_availability_percent", "95.833")
        .containsEntry("availability_change_points", "-4.924");
    Map<String, String> r2 = record(header, rows.get(2));
    assertThat(r2).containsEntry("mtbf_seconds", "").containsEntry("outages", "0");
    assertThat(record(header, rows.get(3))).containsEntry("kind", "peer");
  }

  @Test
  void quotesCellsHoldingCommasQuotesAndLineBreaks() {
    assertThat(CsvReportRenderer.quote("plain")).isEqualTo("plain");
    assertThat(CsvReportRenderer.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvReportRenderer.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(parse(CsvReportRenderer.quote("x\r\ny") + ",z\r\n"))
        .containsExactly(List.of("x\r\ny", "z"));
  }
}
