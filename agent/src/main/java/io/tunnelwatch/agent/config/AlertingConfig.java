package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where alerts and events are sent.
 *
 * @param alertmanager base URLs of Alertmanagers; each gets every alert
 * @param webhooks URLs that receive every event as a JSON POST
 * @param resendInterval how often firing alerts are sent again; well inside Alertmanager's
 *     resolve_timeout (5m by default)
 */
public record AlertingConfig(
    List<String> alertmanager, List<String> webhooks, Duration resendInterval) {

  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
  public static final AlertingConfig NONE =
      new AlertingConfig(List.of(), List.of(), DEFAULT_RESEND_INTERVAL);

  // Jackson passes null for a key the YAML leaves out: the defaults, resolved here.
  public AlertingConfig {
    alertmanager = alertmanager == null ? List.of() : List.copyOf(alertmanager);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    resendInterval = Objects.requireNonNullElse(resendInterval, DEFAULT_RESEND_INTERVAL);
  }
}
