package io.tunnelwatch.agent.history;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a device may go without a poll before its coverage interval ends. A few poll intervals:
 * one slow or skipped poll must not split the record, a stopped agent must.
 *
 * @param fallback for devices not in {@code byDevice}
 */
public record CoverageGaps(Duration fallback, Map<String, Duration> byDevice) {

  /** Polls this many intervals apart still extend the same coverage interval. */
  public static final int INTERVALS_PER_GAP = 3;

  public CoverageGaps {
    Objects.requireNonNull(fallback, "fallback");
    byDevice = Map.copyOf(byDevice);
  }

  /** Gaps of {@link #INTERVALS_PER_GAP} times each device's poll interval. */
  public static CoverageGaps fromIntervals(Map<String, Duration> intervals) {
    Map<String, Duration> gaps = new HashMap<>();
    intervals.forEach(
        (device, interval) -> gaps.put(device, interval.multipliedBy(INTERVALS_PER_GAP)));
    Duration longest =
        intervals.values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(30));
    return new CoverageGaps(longest.multipliedBy(INTERVALS_PER_GAP), gaps);
  }

  public Duration forDevice(String device) {
    return byDevice.getOrDefault(device, fallback);
  }
}
