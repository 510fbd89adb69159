package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the agent schedules its polls (docs/configuration.md, "Polling"). Absent keys take their
 * defaults.
 *
 * @param workers how many threads run the polls' blocking work (SSH commands, history writes),
 *     whatever the number of devices; SNMP polls hold none while they wait for answers
 * @param confirmationDelay how soon a poll that saw a negotiation not established is repeated
 * @param maxConcurrentRequests how many SNMP requests may wait for their answer at once, over all
 *     devices; more wait their turn
 * @param maxPollsInFlight how many polls may be in progress at once, over all devices; more wait
 *     their turn in the order they came due
 */
public record PollingConfig(
    Integer workers,
    Duration confirmationDelay,
    Integer maxConcurrentRequests,
    Integer maxPollsInFlight) {

  public static final int DEFAULT_WORKERS = 16;
  public static final Duration DEFAULT_CONFIRMATION_DELAY = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
  public static final int DEFAULT_MAX_POLLS_IN_FLIGHT = 128;
  public static final PollingConfig DEFAULTS =
      new PollingConfig(
          DEFAULT_WORKERS,
          DEFAULT_CONFIRMATION_DELAY,
          DEFAULT_MAX_CONCURRENT_REQUESTS,
          DEFAULT_MAX_POLLS_IN_FLIGHT);

  public PollingConfig {
    workers = Objects.requireNonNullElse(workers, DEFAULT_WORKERS);
    confirmationDelay = Objects.requireNonNullElse(confirmationDelay, DEFAULT_CONFIRMATION_DELAY);
    maxConcurrentRequests =
        Objects.requireNonNullElse(maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS);
    maxPollsInFlight = Objects.requireNonNullElse(maxPollsInFlight, DEFAULT_MAX_POLLS_IN_FLIGHT);
  }
}
