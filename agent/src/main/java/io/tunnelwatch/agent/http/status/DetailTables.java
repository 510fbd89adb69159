package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Instant;
import java.util.List;

/**
 * The raw data behind the verdicts: poll health per device and source, then every tunnel interface,
 * IKE peer and IPsec flow as the routers last reported them.
 */
final class DetailTables {

  private DetailTables() {}

  static void devices(
      StringBuilder html, List<DeviceView> devices, Instant now, StatusLinks links) {
    html.append("<h2>Devices</h2><table><tr><th>device</th><th>source</th><th>poll</th>")
        .append("<th>last success</th><th>poll took</th><th>CPU 1m</th></tr>\n");
    for (DeviceView view : devices) {
      boolean first = true;
      for (SourceHealth health : view.sources()) {
        // Alerts link here (their generatorURL): the device's first row is the anchor.
        html.append(
                first ? "<tr id=\"device-" + Html.escape(view.device()) + "\"><td>" : "<tr><td>")
            .append(
                links
                    .routerDashboard(view.device())
                    .map(url -> Html.link(url, view.device()))
                    .orElseGet(() -> Html.escape(view.device())))
            .append("</td><td>")
            .append(health.source().label())
            .append("</td><td>")
            .append(Html.state(health.up(), "ok", "failing"))
            .append("</td><td>")
            .append(health.lastSuccess().map(t -> Html.age(t, now) + " ago").orElse("never"))
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

  static void tunnels(StringBuilder html, List<DeviceView> devices, Instant now) {
    html.append("<h2>Tunnel interfaces</h2><table><tr><th>device</th><th>tunnel</th>")
        .append("<th>line protocol</th><th>source → destination</th><th>mode</th>")
        .append("<th>data age</th></tr>\n");
    for (DeviceView view : devices) {
      if (view.snapshot().isEmpty()) {
        continue;
      }
      DeviceSnapshot snapshot = view.snapshot().get();
      for (TunnelInterface t : snapshot.tunnels()) {
        html.append("<tr><td>")
            .append(Html.escape(view.device()))
            .append("</td><td>")
            .append(Html.escape(t.name()))
            .append("</td><td>")
            .append(Html.state(t.lineProtocolUp(), "up", t.adminUp() ? "down" : "admin down"))
            .append("</td><td>")
            .append(Html.escape(t.sourceAddress()))
            .append(" → ")
            .append(Html.escape(t.destinationAddress()))
            .append("</td><td>")
            .append(Html.escape(t.mode()))
            .append("</td><td>")
            .append(Html.age(snapshot.collectedAt(), now))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  static void peers(StringBuilder html, List<DeviceView> devices) {
    html.append("<h2>IKE peers (phase 1)</h2><table><tr><th>device</th><th>peer</th>")
        .append("<th>state</th><th>SA</th><th>lifetime left</th></tr>\n");
    for (DeviceView view : devices) {
      for (IkeSa sa : view.snapshot().map(DeviceSnapshot::ikeSas).orElse(List.of())) {
        html.append("<tr><td>")
            .append(Html.escape(view.device()))
            .append("</td><td>")
            .append(Html.escape(sa.peer()))
            .append("</td><td>")
            .append(Html.escape(sa.state()))
            .append("</td><td>")
            .append(Html.state(sa.established(), "up", "down"))
            .append("</td><td>")
            .append(Html.seconds(sa.lifetimeRemainingSeconds()))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  static void flows(StringBuilder html, List<DeviceView> devices) {
    html.append("<h2>IPsec flows (phase 2)</h2><table><tr><th>device</th><th>peer</th>")
        .append("<th>flow</th><th>SA</th><th>encrypted</th><th>decrypted</th>")
        .append("<th>lifetime left</th></tr>\n");
    for (DeviceView view : devices) {
      for (IpsecFlow flow : view.snapshot().map(DeviceSnapshot::ipsecFlows).orElse(List.of())) {
        html.append("<tr><td>")
            .append(Html.escape(view.device()))
            .append("</td><td>")
            .append(Html.escape(flow.peer()))
            .append("</td><td>")
            .append(Html.escape(flow.flow()))
            .append("</td><td>")
            .append(Html.state(flow.up(), "up", "down"))
            .append("</td><td>")
            .append(Html.count(flow.counters().encrypted()))
            .append("</td><td>")
            .append(Html.count(flow.counters().decrypted()))
            .append("</td><td>")
            .append(Html.seconds(flow.lifetimeRemainingSeconds()))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }
}
