package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts and events are sent.
 *
 * @param alertmanager base URLs of Alertmanagers; each gets every alert
 * @param webhooks URLs that receive every event as a JSON POST
 * @param resendInterval how often firing alerts are sent again; well inside Alertmanager's
 *     resolve_timeout (5m by default)
 * @param runbookBaseUrl where docs/runbook.md is published: every alert's {@code runbook_url} is
 *     this plus {@code #<alertname in lower case>}
 * @param externalUrl the agent's address as a person on call reaches it (alerts link to its status
 *     page); when absent, made from {@code http.listen} and the host name
 * @param grafanaUrl the Grafana that serves the tunnelwatch dashboards (dashboards/): the status
 *     page links each device and tunnel to its dashboard there; absent, it links to none
 */
public record AlertingConfig(
    List<String> alertmanager,
    List<String> webhooks,
    Duration resendInterval,
    String runbookBaseUrl,
    Optional<String> externalUrl,
    Optional<String> grafanaUrl) {

  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
  public static final String DEFAULT_RUNBOOK_BASE_URL =
      "https://github.com/tunnelwatch/tunnelwatch/blob/main/docs/runbook.md";
  public static final AlertingConfig NONE =
      new AlertingConfig(List.of(), List.of(), DEFAULT_RESEND_INTERVAL);

  // Jackson passes null for a key the YAML leaves out: the defaults, resolved here.
  public AlertingConfig {
    alertmanager = alertmanager == null ? List.of() : List.copyOf(alertmanager);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    resendInterval = Objects.requireNonNullElse(resendInterval, DEFAULT_RESEND_INTERVAL);
    runbookBaseUrl = Objects.requireNonNullElse(runbookBaseUrl, DEFAULT_RUNBOOK_BASE_URL);
    externalUrl = Objects.requireNonNullElse(externalUrl, Optional.empty());
    grafanaUrl = Objects.requireNonNullElse(grafanaUrl, Optional.empty());
  }

  public AlertingConfig(List<String> alertmanager, List<String> webhooks, Duration resendInterval) {
    this(
        alertmanager,
        webhooks,
        resendInterval,
        DEFAULT_RUNBOOK_BASE_URL,
        Optional.empty(),
        Optional.empty());
  }

  /** The same settings with the status page linking to the dashboards of {@code url}. */
  public AlertingConfig withGrafanaUrl(String url) {
    return new AlertingConfig(
        alertmanager, webhooks, resendInterval, runbookBaseUrl, externalUrl, Optional.of(url));
  }
}
