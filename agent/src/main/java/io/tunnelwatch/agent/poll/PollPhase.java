package io.tunnelwatch.agent.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * Where in its interval a device is polled. The offset comes from the device's name, so a fleet is
 * spread evenly over the interval instead of being polled in one burst, and a restart keeps every
 * device at the same place in the interval (the offset is taken from the epoch, not from the start
 * of the agent).
 */
public final class PollPhase {

  // Fibonacci hashing: spreads the clustered values of String.hashCode() for names like "r0001".
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private PollPhase() {}

  /** The device's offset within any interval of the given length, in [0, interval). */
  public static Duration offset(String device, Duration interval) {
    long mixed = device.hashCode() * GOLDEN_GAMMA;
    long unsigned = mixed >>> 1;
    return Duration.ofMillis(unsigned % interval.toMillis());
  }

  /**
   * The first regular poll at or after {@code earliest}: the first instant that lies at the
   * device's offset from a multiple of the interval since the epoch.
   */
  public static Instant firstSlotAtOrAfter(String device, Duration interval, Instant earliest) {
    long period = interval.toMillis();
    long phase = offset(device, interval).toMillis();
    long sinceEpoch = earliest.toEpochMilli();
    long slotStart = Math.floorDiv(sinceEpoch - phase, period) * period + phase;
    long slot = slotStart < sinceEpoch ? slotStart + period : slotStart;
    return Instant.ofEpochMilli(slot);
  }
}
