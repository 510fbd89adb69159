package io.tunnelwatch.core.counters;

import java.time.Instant;

/**
 * Where one stitched series stands.
 *
 * @param lastRaw the router's value at the latest poll
 * @param total the exported, monotonic value
 * @param createdAt when the agent began following the series (the exposition's created time)
 */
public record SeriesState(long lastRaw, long total, Instant createdAt) {

  /** A series seen for the first time: it starts at what the router says. */
  static SeriesState first(long raw, Instant at) {
    return new SeriesState(raw, Math.max(0, raw), at);
  }

  /**
   * The next value. A counter that went down was reset (reboot, {@code clear crypto sa}, a new SA)
   * or wrapped; either way the new value is what accrued since, so it is added whole.
   */
  SeriesState next(long raw, boolean restarted) {
    long delta = restarted || raw < lastRaw ? Math.max(0, raw) : raw - lastRaw;
    return new SeriesState(raw, total + delta, createdAt);
  }
}
