package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the agent schedules its polls (docs/configuration.md, "Polling"). Absent keys take their
 * defaults.
 *
 * @param workers how many polls may run at once, whatever the number of devices
 * @param confirmationDelay how soon a poll that saw a negotiation not established is repeated
 */
public record PollingConfig(Integer workers, Duration confirmationDelay) {

  public static final int DEFAULT_WORKERS = 16;
  public static final Duration DEFAULT_CONFIRMATION_DELAY = Duration.ofSeconds(5);
  public static final PollingConfig DEFAULTS =
      new PollingConfig(DEFAULT_WORKERS, DEFAULT_CONFIRMATION_DELAY);

  public PollingConfig {
    workers = Objects.requireNonNullElse(workers, DEFAULT_WORKERS);
    confirmationDelay = Objects.requireNonNullElse(confirmationDelay, DEFAULT_CONFIRMATION_DELAY);
  }
}
