package io.tunnelwatch.agent.report.render;

import io.tunnelwatch.agent.report.Figures;
import io.tunnelwatch.agent.report.Outage;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.SubjectReport;

/** One tunnel's section of the HTML report: figures, timeline, traffic and outages. */
final class HtmlSubjectSection {

  /** Outages listed per tunnel; the rest are summarised so a flapping tunnel stays readable. */
  static final int OUTAGES_LISTED = 15;

  private HtmlSubjectSection() {}

  static void append(StringBuilder html, ReportPeriod period, SubjectReport r, String kind) {
    heading(html, r, kind);
    html.append("<dl class=\"figures\">");
    availabilityItems(html, r);
    problemItems(html, r);
    html.append("</dl>");
    html.append(Svg.timeline(period, r.timeline(), 18, true, Svg.WIDTH));
    if (!r.traffic().days().isEmpty()) {
      html.append(Svg.traffic(r.traffic().days()));
    }
    outages(html, r);
    html.append("</article>\n");
  }

  private static void heading(StringBuilder html, SubjectReport r, String kind) {
    html.append("<article class=\"subject\" id=\"")
        .append(Html.id(r.subject().key()))
        .append("\" data-key=\"")
        .append(Html.escape(r.subject().key()))
        .append("\"><h3>")
        .append(Html.escape(r.device()))
        .append(" · ")
        .append(Html.escape(r.name()));
    if (!r.related().isEmpty()) {
      html.append(" <span class=\"muted\">peer ")
          .append(Html.escape(String.join(", ", r.related())))
          .append("</span>");
    } else if (kind.equals("tunnel")) {
      html.append(" <span class=\"muted\">(no IKE peer bound: line protocol only)</span>");
    }
    html.append("</h3>");
  }

  private static void availabilityItems(StringBuilder html, SubjectReport r) {
    Figures f = r.figures();
    item(
        html,
        "Availability",
        f.availabilityPercent().map(Numbers::percent).orElse("unknown"),
        "availability");
    item(html, "Change", HtmlReportRenderer.availabilityChange(r.change()), "change");
    item(html, "Known time", Numbers.percent(f.coveragePercent()), "coverage");
    item(html, "Outages", Integer.toString(f.outages()), "outages");
    item(html, "Downtime", Numbers.duration(f.outageMillis()), "downtime");
    item(html, "Longest", Numbers.duration(f.longestOutageMillis()), "longest");
    item(
        html,
        "MTBF",
        f.mtbfMillis().isPresent() ? Numbers.duration(f.mtbfMillis().getAsLong()) : "no failure",
        "mtbf");
    item(
        html,
        "MTTR",
        f.mttrMillis().isPresent() ? Numbers.duration(f.mttrMillis().getAsLong()) : "none",
        "mttr");
  }

  private static void problemItems(StringBuilder html, SubjectReport r) {
    item(
        html,
        "IKE rekeys",
        r.rekeys().ike() + " / " + r.rekeys().expectedIke() + " expected",
        "ike-rekeys");
    item(
        html,
        "IPsec rekeys",
        r.rekeys().ipsec() + " / " + r.rekeys().expectedIpsec() + " expected",
        "ipsec-rekeys");
    item(html, "Extra rekeys", Long.toString(r.rekeys().extra()), "extra-rekeys");
    item(
        html,
        "P1 / P2 failures",
        r.problems().phase1Failures() + " / " + r.problems().phase2Failures(),
        "failures");
    item(
        html,
        "Stalls",
        r.problems().stallEpisodes() + " (" + Numbers.duration(r.problems().stallMillis()) + ")",
        "stalls");
    item(
        html,
        "One-way",
        r.problems().oneWayEpisodes() + " (" + Numbers.duration(r.problems().oneWayMillis()) + ")",
        "one-way");
    item(html, "Flaps", Integer.toString(r.problems().flaps()), "flaps");
    item(html, "Sent", Numbers.bytes(r.traffic().transmitBytes()), "sent");
    item(html, "Received", Numbers.bytes(r.traffic().receiveBytes()), "received");
    item(
        html,
        "CPU peak",
        r.cpuPeak().map(p -> HtmlReportRenderer.cpuPercent(p.maxRatio())).orElse("no data"),
        "cpu");
  }

  private static void item(StringBuilder html, String label, String value, String figure) {
    html.append("<div><dt>")
        .append(Html.escape(label))
        .append("</dt><dd data-figure=\"")
        .append(figure)
        .append("\">")
        .append(value.startsWith("<span") ? value : Html.escape(value))
        .append("</dd></div>");
  }

  private static void outages(StringBuilder html, SubjectReport r) {
    if (r.outages().isEmpty()) {
      return;
    }
    html.append(
        "<table class=\"outages\"><thead><tr><th>Outage from</th><th>to</th>"
            + "<th class=\"num\">Duration</th><th></th></tr></thead><tbody>");
    int shown = 0;
    for (Outage o : r.outages()) {
      if (shown++ == OUTAGES_LISTED) {
        break;
      }
      html.append("<tr><td>")
          .append(Html.time(o.from()))
          .append("</td><td>")
          .append(Html.time(o.to()))
          .append("</td><td class=\"num\">")
          .append(Numbers.duration(o.millis()))
          .append("</td><td class=\"muted\">")
          .append(o.startedBefore() ? "began before the period " : "")
          .append(o.ongoing() ? "still down at the end" : "")
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
    int more = r.outages().size() - OUTAGES_LISTED;
    if (more > 0) {
      html.append("<p class=\"muted\">and ").append(more).append(" more outages.</p>");
    }
  }
}
