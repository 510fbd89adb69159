package io.tunnelwatch.agent.config;

import io.tunnelwatch.agent.time.DurationText;
import java.time.Duration;

/** The {@code polling} section: a bounded pool of workers and a sane confirmation delay. */
final class PollingValidator {

  static final int MAX_WORKERS = 1024;
  static final Duration MIN_CONFIRMATION_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_CONFIRMATION_DELAY = Duration.ofMinutes(5);

  private PollingValidator() {}

  static void validate(ConfigChecks checks, PollingConfig polling) {
    checks.requireRange("polling.workers", polling.workers(), 1, MAX_WORKERS);
    Duration delay = polling.confirmationDelay();
    if (delay.compareTo(MIN_CONFIRMATION_DELAY) < 0
        || delay.compareTo(MAX_CONFIRMATION_DELAY) > 0) {
      checks.problem(
          "polling.confirmation_delay", "expected 1s..5m, got " + DurationText.format(delay));
    }
  }
}
