package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.http.status.TunnelVerdict.Finding;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** One line per tunnel: its verdict, the failing rung and cause, and where to look next. */
final class VerdictTable {

  private VerdictTable() {}

  static void write(StringBuilder html, List<TunnelVerdict> verdicts, StatusLinks links) {
    html.append("<h2>Tunnels</h2>\n<p class=\"summary\">")
        .append(counts(verdicts))
        .append("</p>\n");
    if (verdicts.isEmpty()) {
      html.append("<p class=\"muted\">No tunnel known yet.</p>\n");
      return;
    }
    html.append("<table class=\"verdicts\"><tr><th>verdict</th><th>device</th><th>tunnel</th>")
        .append("<th>peer</th><th>failing rung</th><th>cause</th><th>next</th></tr>\n");
    for (TunnelVerdict v : verdicts) {
      String tunnel = v.tunnel().orElse("");
      html.append("<tr data-verdict=\"")
          .append(v.verdict().label())
          .append("\" data-device=\"")
          .append(Html.escape(v.device()))
          .append("\" data-tunnel=\"")
          .append(Html.escape(tunnel))
          .append("\"><td><span class=\"verdict v-")
          .append(v.verdict().label())
          .append("\">")
          .append(v.verdict().label())
          .append("</span></td><td>")
          .append(Html.escape(v.device()))
          .append("</td><td>")
          .append(tunnel.isEmpty() ? "–" : Html.escape(tunnel))
          .append("</td><td>")
          .append(Html.escape(v.peer().orElse("–")))
          .append("</td><td>")
          .append(v.cause().map(f -> f.rung().number() + " " + f.rung().label()).orElse("–"))
          .append("</td><td class=\"cause\">")
          .append(cause(v))
          .append("</td><td>")
          .append(next(v, links))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String counts(List<TunnelVerdict> verdicts) {
    Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    verdicts.forEach(v -> byVerdict.merge(v.verdict(), 1, Integer::sum));
    StringJoiner counts = new StringJoiner(", ");
    for (Verdict verdict : Verdict.values()) {
      int n = byVerdict.getOrDefault(verdict, 0);
      counts.add(
          "<span class=\"v-"
              + (n == 0 ? "none" : verdict.label())
              + "\">"
              + n
              + " "
              + verdict.label()
              + "</span>");
    }
    return counts.toString();
  }

  private static String cause(TunnelVerdict v) {
    if (v.findings().isEmpty()) {
      return "<span class=\"muted\">line protocol, phase 1, phase 2 and traffic all fine</span>";
    }
    Finding first = v.findings().get(0);
    StringBuilder cell = new StringBuilder(Html.escape(first.cause()));
    if (v.findings().size() > 1) {
      cell.append("<ul class=\"also\">");
      for (Finding also : v.findings().subList(1, v.findings().size())) {
        cell.append("<li>also ")
            .append(also.verdict().label())
            .append(": ")
            .append(Html.escape(also.cause()))
            .append("</li>");
      }
      cell.append("</ul>");
    }
    return cell.toString();
  }

  private static String next(TunnelVerdict v, StatusLinks links) {
    StringJoiner next = new StringJoiner(" · ");
    if (v.verdict() != Verdict.HEALTHY && v.peer().isPresent()) {
      next.add(Html.link(links.diagnose(v.device(), v.peer().get()), "diagnose"));
    }
    v.tunnel()
        .flatMap(t -> links.tunnelDashboard(v.device(), t, v.peer()))
        .ifPresent(url -> next.add(Html.link(url, "dashboard")));
    return next.length() == 0 ? "–" : next.toString();
  }
}
