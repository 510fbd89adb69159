package io.tunnelwatch.agent.history;

import java.time.Instant;

/** A span during which the agent was polling a device (successfully or not): what reports know. */
public record CoverageInterval(String device, Instant from, Instant to) {}
