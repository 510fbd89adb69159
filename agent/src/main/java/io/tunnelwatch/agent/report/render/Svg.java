package io.tunnelwatch.agent.report.render;

import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.report.DailyTraffic;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Inline SVG drawings: a state timeline and a daily traffic chart. */
final class Svg {

  static final int WIDTH = 720;

  private Svg() {}

  static String color(ObjectState state) {
    return switch (state) {
      case UP -> "#2e7d32";
      case DOWN -> "#c62828";
      case UNKNOWN -> "#b0b0b0";
    };
  }

  /** Up green, down red, unknown grey, with day ticks under a full-size timeline. */
  static String timeline(
      ReportPeriod period, List<Segment> segments, int height, boolean axis, int displayWidth) {
    double scale = (double) WIDTH / period.millis();
    int total = height + (axis ? 16 : 0);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"timeline\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\"%s"
                + " role=\"img\" aria-label=\"state timeline\">",
            WIDTH,
            total,
            displayWidth,
            total,
            // a small timeline is squeezed horizontally; one with an axis keeps its text upright
            axis ? "" : " preserveAspectRatio=\"none\""));
    for (Segment s : segments) {
      double x = Duration.between(period.from(), s.from()).toMillis() * scale;
      // an outage of a minute in a month is still drawn wide enough to see
      double w = Math.max(s.millis() * scale, s.state() == ObjectState.DOWN ? 2 : 0.5);
      svg.append("<rect x=\"");
      fixed(svg, x).append("\" y=\"0\" width=\"");
      fixed(svg, w)
          .append("\" height=\"")
          .append(height)
          .append("\" fill=\"")
          .append(color(s.state()))
          .append("\"><title>")
          .append(s.state().name().toLowerCase(Locale.ROOT))
          .append(' ')
          .append(Html.time(s.from()))
          .append(" – ")
          .append(Html.time(s.to()))
          .append(" (")
          .append(Numbers.duration(s.millis()))
          .append(")</title></rect>");
    }
    if (axis) {
      appendDayTicks(svg, period, scale, height);
    }
    return svg.append("</svg>").toString();
  }

  private static void appendDayTicks(StringBuilder svg, ReportPeriod period, double scale, int y) {
    long hours = Math.max(1, period.millis() / 3_600_000L);
    long stepHours = hours <= 48 ? 6 : hours <= 14 * 24 ? 24 : hours <= 62 * 24 ? 7 * 24 : 30 * 24;
    Instant tick = period.from().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).toInstant();
    while (tick.isBefore(period.from())
        || tick.atZone(ZoneOffset.UTC).getHour() % Math.min(stepHours, 24) != 0) {
      tick = tick.plus(1, ChronoUnit.HOURS);
    }
    while (!tick.isAfter(period.to())) {
      double x = Duration.between(period.from(), tick).toMillis() * scale;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#555\"/>",
              x,
              y,
              x,
              y + 4));
      String anchor = x < 30 ? "start" : x > WIDTH - 30 ? "end" : "middle";
      var at = tick.atZone(ZoneOffset.UTC);
      String label =
          stepHours < 24 && at.getHour() != 0
              ? String.format(Locale.ROOT, "%02d:00", at.getHour())
              : at.toLocalDate().toString().substring(5);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%d\" font-size=\"10\" text-anchor=\"%s\" fill=\"#333\">%s</text>",
              x,
              y + 14,
              anchor,
              label));
      tick = tick.plus(stepHours, ChronoUnit.HOURS);
    }
  }

  /** Stacked bars per day: transmitted (dark) under received (light). */
  static String traffic(List<DailyTraffic> days) {
    int height = 80;
    long max = days.stream().mapToLong(d -> d.transmitBytes() + d.receiveBytes()).max().orElse(0);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"traffic\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"daily traffic\">",
            WIDTH,
            height + 14,
            WIDTH,
            height + 14));
    if (max > 0) {
      double slot = (double) (WIDTH - 60) / days.size();
      double bar = Math.max(1, slot * 0.8);
      for (int i = 0; i < days.size(); i++) {
        DailyTraffic d = days.get(i);
        double x = 60 + i * slot;
        double tx = (double) d.transmitBytes() / max * height;
        double rx = (double) d.receiveBytes() / max * height;
        svg.append("<g><title>")
            .append(d.day())
            .append(": sent ")
            .append(Numbers.bytes(d.transmitBytes()))
            .append(", received ")
            .append(Numbers.bytes(d.receiveBytes()))
            .append("</title>");
        bar(svg, x, height - tx, bar, tx, "#1565c0");
        bar(svg, x, height - tx - rx, bar, rx, "#90caf9");
        svg.append("</g>");
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"0\" y=\"10\" font-size=\"10\" fill=\"#333\">%s/day</text>"
                + "<line x1=\"58\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>"
                + "<text x=\"0\" y=\"%d\" font-size=\"10\" fill=\"#333\">0</text>",
            Html.escape(Numbers.bytes(max)),
            height,
            WIDTH,
            height,
            height));
    return svg.append("</svg>").toString();
  }

  private static void bar(StringBuilder svg, double x, double y, double w, double h, String fill) {
    svg.append("<rect x=\"");
    fixed(svg, x).append("\" y=\"");
    fixed(svg, y).append("\" width=\"");
    fixed(svg, w).append("\" height=\"");
    fixed(svg, h).append("\" fill=\"").append(fill).append("\"/>");
  }

  /**
   * Appends a non-negative coordinate with two decimals; String.format costs more than the whole
   * rest of a 500-tunnel page.
   */
  static StringBuilder fixed(StringBuilder out, double value) {
    long hundredths = Math.round(Math.max(0, value) * 100);
    out.append(hundredths / 100).append('.');
    long fraction = hundredths % 100;
    if (fraction < 10) {
      out.append('0');
    }
    return out.append(fraction);
  }
}
