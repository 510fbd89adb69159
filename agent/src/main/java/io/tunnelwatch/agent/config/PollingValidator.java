package io.tunnelwatch.agent.config;

import java.time.Duration;

/**
 * The {@code polling} section: a bounded pool of workers, a bounded SNMP request window and a sane
 * confirmation delay.
 */
final class PollingValidator {

  static final int MAX_WORKERS = 1024;
  // Beyond this, answers arriving together would overflow any socket receive buffer.
  static final int MAX_CONCURRENT_REQUESTS = 4096;
  static final int MAX_POLLS_IN_FLIGHT = 65_536;
  static final Duration MIN_CONFIRMATION_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_CONFIRMATION_DELAY = Duration.ofMinutes(5);

  private PollingValidator() {}

  static void validate(ConfigChecks checks, PollingConfig polling) {
    checks.requireRange("polling.workers", polling.workers(), 1, MAX_WORKERS);
    checks.requireRange(
        "polling.max_concurrent_requests",
        polling.maxConcurrentRequests(),
        1,
        MAX_CONCURRENT_REQUESTS);
    checks.requireRange(
        "polling.max_polls_in_flight", polling.maxPollsInFlight(), 1, MAX_POLLS_IN_FLIGHT);
    checks.requireDuration(
        "polling.confirmation_delay",
        polling.confirmationDelay(),
        MIN_CONFIRMATION_DELAY,
        MAX_CONFIRMATION_DELAY);
  }
}
