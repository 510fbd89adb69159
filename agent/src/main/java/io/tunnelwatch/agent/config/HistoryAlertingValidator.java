package io.tunnelwatch.agent.config;

import io.tunnelwatch.agent.time.DurationText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where events go: the {@code history} store and the {@code alerting} destinations. */
final class HistoryAlertingValidator {

  private static final Duration MAX_RESEND = Duration.ofSeconds(150);

  private HistoryAlertingValidator() {}

  static void validate(ConfigChecks checks, HistoryConfig history, AlertingConfig alerting) {
    validateHistory(checks, history);
    validateAlerting(checks, alerting);
  }

  private static void validateHistory(ConfigChecks checks, HistoryConfig history) {
    if (history.stateDir().isPresent() && history.jdbcUrl().isPresent()) {
      checks.problem("history", "expected state_dir or jdbc_url, not both");
    }
    history
        .stateDir()
        .ifPresent(
            stateDir -> {
              if (stateDir.isBlank()) {
                checks.problem("history.state_dir", "expected a directory path");
              } else {
                new FileChecks(checks).requireWritableDirectory("history.state_dir", stateDir);
              }
            });
    history
        .jdbcUrl()
        .filter(url -> !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:"))
        // Never echo the URL: it may carry a password.
        .ifPresent(
            url ->
                checks.problem(
                    "history.jdbc_url",
                    "expected a URL starting with jdbc:sqlite: or jdbc:postgresql:"));
  }

  private static void validateAlerting(ConfigChecks checks, AlertingConfig alerting) {
    validateUrls(checks, "alerting.alertmanager", alerting.alertmanager());
    validateUrls(checks, "alerting.webhooks", alerting.webhooks());
    validateUrl(checks, "alerting.runbook_base_url", alerting.runbookBaseUrl());
    alerting.externalUrl().ifPresent(url -> validateUrl(checks, "alerting.external_url", url));
    alerting.grafanaUrl().ifPresent(url -> validateUrl(checks, "alerting.grafana_url", url));
    Duration resend = alerting.resendInterval();
    if (resend.compareTo(ConfigChecks.MIN_INTERVAL) < 0 || resend.compareTo(MAX_RESEND) > 0) {
      checks.problem(
          "alerting.resend_interval",
          "expected 1s to "
              + DurationText.format(MAX_RESEND)
              + " (well inside Alertmanager's default resolve_timeout of 5m), got "
              + DurationText.format(resend));
    }
  }

  private static void validateUrls(ConfigChecks checks, String path, List<String> urls) {
    for (int i = 0; i < urls.size(); i++) {
      validateUrl(checks, path + "[" + i + "]", urls.get(i));
    }
  }

  private static void validateUrl(ConfigChecks checks, String path, @Nullable String url) {
    URI uri = parse(url);
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      checks.problem(path, "expected an http:// or https:// URL with a host");
    }
  }

  private static @Nullable URI parse(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
