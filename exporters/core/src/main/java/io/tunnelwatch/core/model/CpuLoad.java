package io.tunnelwatch.core.model;

/** CPU busy ratios (0..1) over IOS's three windows. */
public record CpuLoad(double fiveSeconds, double oneMinute, double fiveMinutes) {

  public CpuLoad {
    requireRatio("fiveSeconds", fiveSeconds);
    requireRatio("oneMinute", oneMinute);
    requireRatio("fiveMinutes", fiveMinutes);
  }

  private static void requireRatio(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be a ratio in [0, 1], was " + value);
    }
  }
}
