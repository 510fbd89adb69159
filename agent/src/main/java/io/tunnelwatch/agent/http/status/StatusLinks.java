package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.config.AlertingConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the status page sends a person next: the agent's own diagnosis of a tunnel, the Grafana
 * dashboards of dashboards/ (by their uids) and Alertmanager. Every value put in a link is
 * URL-encoded here; the page HTML-escapes the whole link.
 *
 * @param grafanaUrl {@code alerting.grafana_url}, if set
 * @param alertmanagerUrl the first of {@code alerting.alertmanager}, if any
 */
public record StatusLinks(Optional<String> grafanaUrl, Optional<String> alertmanagerUrl) {

  /** No Grafana, no Alertmanager: the page links only to itself and the agent. */
  public static final StatusLinks NONE = new StatusLinks(Optional.empty(), Optional.empty());

  static final String FLEET_DASHBOARD = "tunnelwatch-fleet";
  static final String ROUTER_DASHBOARD = "tunnelwatch-router";
  static final String TUNNEL_DASHBOARD = "tunnelwatch-tunnel";

  public StatusLinks {
    grafanaUrl = Objects.requireNonNull(grafanaUrl, "grafanaUrl").map(StatusLinks::withoutSlash);
    alertmanagerUrl =
        Objects.requireNonNull(alertmanagerUrl, "alertmanagerUrl").map(StatusLinks::withoutSlash);
  }

  public static StatusLinks of(AlertingConfig alerting) {
    return new StatusLinks(alerting.grafanaUrl(), alerting.alertmanager().stream().findFirst());
  }

  /** The agent's diagnosis of one tunnel, relative to the status page. */
  public String diagnose(String device, String peer) {
    return "diagnose?target=" + encoded(device) + "&peer=" + encoded(peer);
  }

  public Optional<String> fleetDashboard() {
    return grafanaUrl.map(base -> base + "/d/" + FLEET_DASHBOARD);
  }

  public Optional<String> routerDashboard(String device) {
    return grafanaUrl.map(
        base -> base + "/d/" + ROUTER_DASHBOARD + "?var-device=" + encoded(device));
  }

  public Optional<String> tunnelDashboard(String device, String tunnel, Optional<String> peer) {
    return grafanaUrl.map(
        base ->
            base
                + "/d/"
                + TUNNEL_DASHBOARD
                + "?var-device="
                + encoded(device)
                + "&var-tunnel="
                + encoded(tunnel)
                + peer.map(p -> "&var-peer=" + encoded(p)).orElse(""));
  }

  /** Alertmanager's list of alerts. */
  public Optional<String> alerts() {
    return alertmanagerUrl.map(base -> base + "/#/alerts");
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String withoutSlash(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
