package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The open conditions and the latest events, each with its summary. */
final class EventTables {

  private EventTables() {}

  static void openConditions(StringBuilder html, List<Event> open, Instant now) {
    html.append("<h2>Open conditions</h2>\n");
    if (open.isEmpty()) {
      html.append("<p class=\"muted\" id=\"no-conditions\">None: nothing is failing.</p>\n");
      return;
    }
    html.append("<table class=\"conditions\"><tr><th>severity</th><th>device</th>")
        .append("<th>subject</th><th>condition</th><th>summary</th><th>since</th></tr>\n");
    for (Event e : open) {
      html.append("<tr data-condition=\"")
          .append(Html.escape(e.kind().wireName()))
          .append("\" data-device=\"")
          .append(Html.escape(e.device()))
          .append("\"><td>")
          .append(severity(e))
          .append("</td><td>")
          .append(Html.escape(e.device()))
          .append("</td><td>")
          .append(Html.escape(subject(e.subject())))
          .append("</td><td>")
          .append(Html.escape(e.kind().wireName()))
          .append("</td><td>")
          .append(Html.escape(e.summary()))
          .append("</td><td>")
          .append(Html.time(e.at()))
          .append("<br><span class=\"muted\">")
          .append(Html.age(e.at(), now))
          .append(" ago</span></td></tr>\n");
    }
    html.append("</table>\n");
  }

  static void recent(
      StringBuilder html, List<Event> recent, Optional<String> problem, Instant now) {
    html.append("<h2>Latest events</h2>\n");
    if (problem.isPresent()) {
      html.append("<p class=\"down\">").append(Html.escape(problem.get())).append("</p>\n");
      return;
    }
    if (recent.isEmpty()) {
      html.append("<p class=\"muted\">None recorded yet.</p>\n");
      return;
    }
    html.append("<table class=\"events\"><tr><th>when</th><th>device</th><th>event</th>")
        .append("<th>severity</th><th>summary</th></tr>\n");
    for (Event e : recent) {
      html.append("<tr><td>")
          .append(Html.time(e.at()))
          .append("<br><span class=\"muted\">")
          .append(Html.age(e.at(), now))
          .append(" ago</span></td><td>")
          .append(Html.escape(e.device()))
          .append("</td><td>")
          .append(Html.escape(e.kind().wireName()))
          .append(' ')
          .append(e.status().name().toLowerCase(Locale.ROOT))
          .append("</td><td>")
          .append(severity(e))
          .append("</td><td>")
          .append(Html.escape(e.summary()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String severity(Event e) {
    String label = e.severity().label();
    return "<span class=\"sev-" + label + "\">" + label + "</span>";
  }

  private static String subject(ObjectRef ref) {
    return switch (ref.kind()) {
      case DEVICE -> "device";
      case TUNNEL -> ref.tunnel().orElseThrow();
      case IKE_PEER -> "peer " + ref.peer().orElseThrow();
      case IPSEC_FLOW -> "flow " + ref.flow().orElseThrow() + " to " + ref.peer().orElseThrow();
    };
  }
}
