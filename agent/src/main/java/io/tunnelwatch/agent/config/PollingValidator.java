package io.tunnelwatch.agent.config;

import java.time.Duration;

/** The {@code polling} section: a bounded pool of workers and a sane confirmation delay. */
final class PollingValidator {

  static final int MAX_WORKERS = 1024;
  static final Duration MIN_CONFIRMATION_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_CONFIRMATION_DELAY = Duration.ofMinutes(5);

  private PollingValidator() {}

  static void validate(ConfigChecks checks, PollingConfig polling) {
    checks.requireRange("polling.workers", polling.workers(), 1, MAX_WORKERS);
    checks.requireDuration(
        "polling.confirmation_delay",
        polling.confirmationDelay(),
        MIN_CONFIRMATION_DELAY,
        MAX_CONFIRMATION_DELAY);
  }
}
