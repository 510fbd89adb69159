package io.tunnelwatch.agent.report.render;

import io.tunnelwatch.agent.report.Figures;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.SubjectReport;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row per tunnel, then one per peer, under a header row (RFC 4180: CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break). Durations are seconds with three
 * decimals; an empty field means "not defined" (no known time, no failure).
 */
public final class CsvReportRenderer implements ReportRenderer {

  static final List<String> HEADER =
      List.of(
          "kind",
          "device",
          "name",
          "related",
          "period_from",
          "period_to",
          "availability_percent",
          "coverage_percent",
          "up_seconds",
          "down_seconds",
          "unknown_seconds",
          "outages",
          "failures",
          "outage_seconds",
          "longest_outage_seconds",
          "mtbf_seconds",
          "mttr_seconds",
          "ike_rekeys",
          "ike_rekeys_expected",
          "ipsec_rekeys",
          "ipsec_rekeys_expected",
          "extra_rekeys",
          "phase1_failures",
          "phase2_failures",
          "renegotiation_storms",
          "stall_episodes",
          "stall_seconds",
          "one_way_episodes",
          "one_way_seconds",
          "flaps",
          "transmit_bytes",
          "receive_bytes",
          "cpu_peak_ratio",
          "previous_availability_percent",
          "availability_change_points",
          "previous_outages");

  @Override
  public void render(StabilityReport report, Writer out) throws IOException {
    line(out, HEADER);
    for (SubjectReport r : report.tunnels()) {
      line(out, row("tunnel", r, report));
    }
    for (SubjectReport r : report.peers()) {
      line(out, row("peer", r, report));
    }
    out.flush();
  }

  private static List<String> row(String kind, SubjectReport r, StabilityReport report) {
    Figures f = r.figures();
    List<String> cells = new ArrayList<>();
    cells.add(kind);
    cells.add(r.device());
    cells.add(r.name());
    cells.add(String.join(" ", r.related()));
    cells.add(report.period().from().toString());
    cells.add(report.period().to().toString());
    cells.add(f.availabilityPercent().map(BigDecimal::toPlainString).orElse(""));
    cells.add(f.coveragePercent().toPlainString());
    cells.add(seconds(f.upMillis()));
    cells.add(seconds(f.downMillis()));
    cells.add(seconds(f.unknownMillis()));
    cells.add(Integer.toString(f.outages()));
    cells.add(Integer.toString(f.failures()));
    cells.add(seconds(f.outageMillis()));
    cells.add(seconds(f.longestOutageMillis()));
    cells.add(f.mtbfMillis().isPresent() ? seconds(f.mtbfMillis().getAsLong()) : "");
    cells.add(f.mttrMillis().isPresent() ? seconds(f.mttrMillis().getAsLong()) : "");
    cells.add(Integer.toString(r.rekeys().ike()));
    cells.add(Long.toString(r.rekeys().expectedIke()));
    cells.add(Integer.toString(r.rekeys().ipsec()));
    cells.add(Long.toString(r.rekeys().expectedIpsec()));
    cells.add(Long.toString(r.rekeys().extra()));
    cells.add(Integer.toString(r.problems().phase1Failures()));
    cells.add(Integer.toString(r.problems().phase2Failures()));
    cells.add(Integer.toString(r.problems().renegotiationStorms()));
    cells.add(Integer.toString(r.problems().stallEpisodes()));
    cells.add(seconds(r.problems().stallMillis()));
    cells.add(Integer.toString(r.problems().oneWayEpisodes()));
    cells.add(seconds(r.problems().oneWayMillis()));
    cells.add(Integer.toString(r.problems().flaps()));
    cells.add(Long.toString(r.traffic().transmitBytes()));
    cells.add(Long.toString(r.traffic().receiveBytes()));
    cells.add(r.cpuPeak().map(p -> String.format(Locale.ROOT, "%.3f", p.maxRatio())).orElse(""));
    cells.add(r.previous().availabilityPercent().map(BigDecimal::toPlainString).orElse(""));
    cells.add(r.change().availabilityPoints().map(BigDecimal::toPlainString).orElse(""));
    cells.add(Integer.toString(r.previous().outages()));
    return cells;
  }

  private static String seconds(long millis) {
    return Numbers.seconds(millis).toPlainString();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
