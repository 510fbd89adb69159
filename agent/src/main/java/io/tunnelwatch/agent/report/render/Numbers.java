package io.tunnelwatch.agent.report.render;

import java.math.BigDecimal;
import java.util.Locale;

/** Exact and human forms of the report's numbers. */
final class Numbers {

  private Numbers() {}

  /** Whole milliseconds as seconds with three decimals, exactly. */
  static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }

  /**
   * A duration for people: {@code 0 s}, {@code 45 s}, {@code 12 min}, {@code 3 h 05 min}, {@code 2
   * d 4 h}.
   */
  static String duration(long millis) {
    long s = millis / 1000;
    if (s < 60) {
      return s + " s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + " min" + (s % 60 == 0 ? "" : String.format(Locale.ROOT, " %02d s", s % 60));
    }
    long h = m / 60;
    if (h < 24) {
      return h + " h" + (m % 60 == 0 ? "" : String.format(Locale.ROOT, " %02d min", m % 60));
    }
    return h / 24 + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
  }

  /** Bytes in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String percent(BigDecimal value) {
    return value.toPlainString() + " %";
  }
}
