package io.tunnelwatch.agent.history;

import java.time.Instant;

/** The highest CPU ratio (0..1) a device reported in the hour starting at {@code hour}. */
public record CpuPeak(Instant hour, String device, double maxRatio) {}
