package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.diagnose.AuditFinding;
import io.tunnelwatch.agent.diagnose.Diagnosis;
import io.tunnelwatch.agent.diagnose.MirrorFinding;
import io.tunnelwatch.agent.diagnose.RungResult;
import io.tunnelwatch.agent.diagnose.RungStatus;
import io.tunnelwatch.agent.diagnose.TunnelDiagnosis;
import java.util.List;

/** A diagnosis for people: the ladder of each tunnel, the differences, the audit. Pure. */
public final class DiagnosePage {

  private DiagnosePage() {}

  public static String render(Diagnosis diagnosis) {
    StringBuilder html = new StringBuilder(8192);
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>tunnelwatch diagnose</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
        table{border-collapse:collapse;min-width:40rem}
        th,td{border-bottom:1px solid #ddd;padding:.3rem .7rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}.passed{color:#0a7d28;font-weight:600}.failed{color:#c62828;font-weight:600}
        .not_checked,.muted{color:#777}pre{margin:.2rem 0;font-size:.85rem;background:#f8f8f8;padding:.2rem .4rem}
        </style></head><body>
        """);
    html.append("<h1>diagnose ")
        .append(Html.escape(diagnosis.device()))
        .append(": ")
        .append(diagnosis.healthy() ? "healthy" : "failing")
        .append("</h1>\n<p class=\"muted\">")
        .append(Html.escape(diagnosis.at().toString()))
        .append(" · <a href=\"./\">status page</a></p>\n");
    for (TunnelDiagnosis tunnel : diagnosis.tunnels()) {
      tunnel(html, diagnosis.device(), tunnel);
    }
    audit(html, diagnosis.audit());
    if (!diagnosis.notes().isEmpty()) {
      html.append("<h2>Notes</h2>\n<ul>\n");
      diagnosis.notes().forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void tunnel(StringBuilder html, String device, TunnelDiagnosis tunnel) {
    html.append("<h2>")
        .append(Html.escape(tunnel.tunnel().map(t -> t + " to ").orElse("peer ")))
        .append(Html.escape(tunnel.peer()))
        .append(Html.escape(tunnel.otherEnd().map(e -> " (" + e + ")").orElse("")))
        .append(": ")
        .append(
            Html.escape(
                tunnel
                    .failing()
                    .map(f -> "fails at rung " + f.rung().number() + " (" + f.rung().title() + ")")
                    .orElse("healthy")))
        .append("</h2>\n<table><tr><th>#</th><th>rung</th><th>result</th><th>found</th>")
        .append("<th>cause and next check</th></tr>\n");
    for (RungResult rung : tunnel.rungs()) {
      html.append("<tr><td>")
          .append(rung.rung().number())
          .append("</td><td>")
          .append(Html.escape(rung.rung().title()))
          .append("</td><td class=\"")
          .append(rung.status().id())
          .append("\">")
          .append(label(rung.status()))
          .append("</td><td>")
          .append(Html.escape(rung.summary()));
      lines(html, rung.evidence());
      html.append("</td><td>");
      rung.cause().ifPresent(c -> html.append(Html.escape(c)));
      rung.nextCheck().ifPresent(n -> html.append("<br><i>next:</i> ").append(Html.escape(n)));
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!tunnel.mirror().isEmpty()) {
      html.append("<h3>Differences between ")
          .append(Html.escape(device))
          .append(" and ")
          .append(Html.escape(tunnel.otherEnd().orElse("the other end")))
          .append("</h3>\n<ul>\n");
      for (MirrorFinding finding : tunnel.mirror()) {
        html.append("<li>").append(Html.escape(finding.summary()));
        lines(html, finding.linesA());
        lines(html, finding.linesB());
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
  }

  private static void audit(StringBuilder html, List<AuditFinding> audit) {
    if (audit.isEmpty()) {
      return;
    }
    html.append("<h2>Crypto audit</h2>\n<table><tr><th>level</th><th>item</th><th>why</th>")
        .append("<th>line</th></tr>\n");
    for (AuditFinding finding : audit) {
      html.append("<tr><td>")
          .append(Html.escape(finding.level()))
          .append("</td><td>")
          .append(Html.escape(finding.item()))
          .append("</td><td>")
          .append(Html.escape(finding.reason()))
          .append("</td><td><code>")
          .append(Html.escape(finding.line()))
          .append("</code></td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void lines(StringBuilder html, List<String> lines) {
    if (!lines.isEmpty()) {
      html.append("<pre>").append(Html.escape(String.join("\n", lines))).append("</pre>");
    }
  }

  private static String label(RungStatus status) {
    return switch (status) {
      case PASSED -> "passed";
      case FAILED -> "FAILED";
      case NOT_CHECKED -> "not checked";
    };
  }
}
