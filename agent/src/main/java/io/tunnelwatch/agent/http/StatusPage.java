package io.tunnelwatch.agent.http;

import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Renders the human status page: every device, tunnel, IKE peer and IPsec flow with its state and
 * the age of the data behind it. Pure: the caller passes the views and the current time.
 */
final class StatusPage {

  private StatusPage() {}

  static String render(List<DeviceView> devices, Instant now) {
    StringBuilder html = new StringBuilder(8192);
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="refresh" content="10">
        <title>tunnelwatch</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
        table{border-collapse:collapse;min-width:40rem}
        th,td{border-bottom:1px solid #ddd;padding:.3rem .7rem;text-align:left;font-variant-numeric:tabular-nums}
        th{background:#f4f4f4}.up{color:#0a7d28;font-weight:600}.down{color:#c62828;font-weight:600}
        .muted{color:#777}
        </style></head><body>
        <h1>tunnelwatch</h1>
        <p class="muted">Device data is cached from the last successful poll; the age column says how old it is.
        Metrics: <a href="/metrics">/metrics</a></p>
        """);
    devices(html, devices, now);
    tunnels(html, devices, now);
    peers(html, devices);
    flows(html, devices);
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void devices(StringBuilder html, List<DeviceView> devices, Instant now) {
    html.append("<h2>Devices</h2><table><tr><th>device</th><th>source</th><th>poll</th>")
        .append("<th>last success</th><th>poll took</th><th>CPU 1m</th></tr>\n");
    for (DeviceView view : devices) {
      boolean first = true;
      for (SourceHealth health : view.sources()) {
        // Alerts link here (their generatorURL): the device's first row is the anchor.
        html.append(first ? "<tr id=\"device-" + escape(view.device()) + "\"><td>" : "<tr><td>")
            .append(escape(view.device()))
            .append("</td><td>")
            .append(health.source().label())
            .append("</td><td>")
            .append(state(health.up(), "ok", "failing"))
            .append("</td><td>")
            .append(health.lastSuccess().map(t -> age(t, now) + " ago").orElse("never"))
            .append("</td><td>")
            .append(health.lastPollDuration().toMillis())
            .append(" ms</td><td>")
            .append(
                view.snapshot()
                    .flatMap(DeviceSnapshot::cpu)
                    .map(c -> Math.round(c.oneMinute() * 100) + " %")
                    .orElse("–"))
            .append("</td></tr>\n");
        first = false;
      }
    }
    html.append("</table>\n");
  }

  private static void tunnels(StringBuilder html, List<DeviceView> devices, Instant now) {
    html.append("<h2>Tunnels</h2><table><tr><th>device</th><th>tunnel</th><th>line protocol</th>")
        .append("<th>source → destination</th><th>mode</th><th>data age</th></tr>\n");
    for (DeviceView view : devices) {
      if (view.snapshot().isEmpty()) {
        continue;
      }
      DeviceSnapshot snapshot = view.snapshot().get();
      for (TunnelInterface t : snapshot.tunnels()) {
        html.append("<tr><td>")
            .append(escape(view.device()))
            .append("</td><td>")
            .append(escape(t.name()))
            .append("</td><td>")
            .append(state(t.lineProtocolUp(), "up", t.adminUp() ? "down" : "admin down"))
            .append("</td><td>")
            .append(escape(t.sourceAddress()))
            .append(" → ")
            .append(escape(t.destinationAddress()))
            .append("</td><td>")
            .append(escape(t.mode()))
            .append("</td><td>")
            .append(age(snapshot.collectedAt(), now))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static void peers(StringBuilder html, List<DeviceView> devices) {
    html.append("<h2>IKE peers (phase 1)</h2><table><tr><th>device</th><th>peer</th>")
        .append("<th>state</th><th>SA</th><th>lifetime left</th></tr>\n");
    for (DeviceView view : devices) {
      for (IkeSa sa : view.snapshot().map(DeviceSnapshot::ikeSas).orElse(List.of())) {
        html.append("<tr><td>")
            .append(escape(view.device()))
            .append("</td><td>")
            .append(escape(sa.peer()))
            .append("</td><td>")
            .append(escape(sa.state()))
            .append("</td><td>")
            .append(state(sa.established(), "up", "down"))
            .append("</td><td>")
            .append(seconds(sa.lifetimeRemainingSeconds()))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static void flows(StringBuilder html, List<DeviceView> devices) {
    html.append("<h2>IPsec flows (phase 2)</h2><table><tr><th>device</th><th>peer</th>")
        .append("<th>flow</th><th>SA</th><th>encrypted</th><th>decrypted</th>")
        .append("<th>lifetime left</th></tr>\n");
    for (DeviceView view : devices) {
      for (IpsecFlow flow : view.snapshot().map(DeviceSnapshot::ipsecFlows).orElse(List.of())) {
        html.append("<tr><td>")
            .append(escape(view.device()))
            .append("</td><td>")
            .append(escape(flow.peer()))
            .append("</td><td>")
            .append(escape(flow.flow()))
            .append("</td><td>")
            .append(state(flow.up(), "up", "down"))
            .append("</td><td>")
            .append(count(flow.counters().encrypted()))
            .append("</td><td>")
            .append(count(flow.counters().decrypted()))
            .append("</td><td>")
            .append(seconds(flow.lifetimeRemainingSeconds()))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static String state(boolean up, String upText, String downText) {
    return up
        ? "<span class=\"up\">" + upText + "</span>"
        : "<span class=\"down\">" + escape(downText) + "</span>";
  }

  private static String count(OptionalLong value) {
    return value.isPresent() ? String.format("%,d", value.getAsLong()) : "–";
  }

  private static String seconds(OptionalLong value) {
    return value.isPresent() ? age(Duration.ofSeconds(value.getAsLong())) : "–";
  }

  private static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return age(d.isNegative() ? Duration.ZERO : d);
  }

  private static String age(Duration d) {
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return d.toSeconds() + " s";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
