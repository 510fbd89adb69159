package io.tunnelwatch.agent.http.status;

/**
 * Renders the human status page: a verdict per tunnel with the failing rung and its cause, the open
 * conditions, the latest events, then every device, tunnel, IKE peer and IPsec flow with the age of
 * the data behind it. Pure: everything shown comes in the {@link StatusView}.
 */
public final class StatusPage {

  private StatusPage() {}

  public static String render(StatusView view) {
    StringBuilder html = new StringBuilder(16384);
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
        th,td{border-bottom:1px solid #ddd;padding:.3rem .7rem;text-align:left;vertical-align:top;
        font-variant-numeric:tabular-nums}
        th{background:#f4f4f4}.up{color:#0a7d28;font-weight:600}.down{color:#c62828;font-weight:600}
        .muted{color:#777}.cause{max-width:46rem}ul.also{margin:.3rem 0 0;padding-left:1.1rem;color:#555}
        .verdict{display:inline-block;min-width:5.5rem;text-align:center;border-radius:.25rem;
        padding:.1rem .4rem;font-weight:600;color:#fff}
        .verdict.v-down{background:#c62828}.verdict.v-unknown{background:#6d6d6d}
        .verdict.v-degraded{background:#b26a00}.verdict.v-healthy{background:#0a7d28}
        .summary .v-down{color:#c62828;font-weight:600}.summary .v-unknown{color:#555;font-weight:600}
        .summary .v-degraded{color:#b26a00;font-weight:600}.summary .v-healthy{color:#0a7d28}
        .summary .v-none{color:#777}
        .sev-critical{color:#c62828;font-weight:600}.sev-warning{color:#b26a00;font-weight:600}
        .sev-info{color:#555}
        </style></head><body>
        <h1>tunnelwatch</h1>
        """);
    header(html, view);
    VerdictTable.write(html, view.verdicts(), view.links());
    EventTables.openConditions(html, view.openConditions(), view.now());
    EventTables.recent(html, view.recentEvents(), view.recentEventsProblem(), view.now());
    DetailTables.devices(html, view.devices(), view.now(), view.links());
    DetailTables.tunnels(html, view.devices(), view.now());
    DetailTables.peers(html, view.devices());
    DetailTables.flows(html, view.devices());
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, StatusView view) {
    html.append("<p class=\"muted\">")
        .append(Html.time(view.now()))
        .append(". Verdicts weigh the line protocol, IKE phase 1, IPsec phase 2, traffic and the")
        .append(" open conditions; device data is cached from the last successful poll.</p>\n")
        .append("<p>Metrics: <a href=\"/metrics\">/metrics</a>");
    view.links()
        .alerts()
        .ifPresent(url -> html.append(" · Alerts: ").append(Html.link(url, "Alertmanager")));
    view.links()
        .fleetDashboard()
        .ifPresent(url -> html.append(" · Dashboards: ").append(Html.link(url, "Grafana fleet")));
    html.append("</p>\n");
  }
}
