package io.tunnelwatch.lab.ios;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number, time and duration notations that recur across IOS outputs. */
final class IosFormat {
  private IosFormat() {}

  /** {@link String#format} pinned to ASCII digits whatever the JVM's default locale is. */
  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** {@code hh:mm:ss}, hours not wrapped (an IKE lifetime of a day prints {@code 24:00:00}). */
  static String hms(long seconds) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }

  /**
   * The compact age IOS uses for "Last input" and session uptimes: {@code 00:27:42} under a day,
   * {@code 3d18h} under a week, {@code 2w1d} beyond.
   */
  static String age(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long days = seconds / 86_400;
    if (days == 0) {
      return hms(seconds);
    }
    if (days < 7) {
      return String.format(Locale.ROOT, "%dd%02dh", days, (seconds % 86_400) / 3600);
    }
    return String.format(Locale.ROOT, "%dw%dd", days / 7, days % 7);
  }

  /** {@code 1 day, 2 hours, 3 minutes} as in {@code show version}; leading zero units omitted. */
  static String uptimeWords(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    long[] values = {minutes / 10_080, (minutes / 1440) % 7, (minutes / 60) % 24, minutes % 60};
    String[] units = {"week", "day", "hour", "minute"};
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == 0 && parts.isEmpty() && i < values.length - 1) {
        continue;
      }
      parts.add(values[i] + " " + units[i] + (values[i] == 1 ? "" : "s"));
    }
    return String.join(", ", parts);
  }

  /** {@code 0x397C36EE(964441838)}. */
  static String spi(long spi) {
    return String.format(Locale.ROOT, "0x%X(%d)", spi, spi);
  }

  /** {@code *10:01:02.345 UTC Mon Mar 2 2026}; the star says the clock is not NTP-synchronised. */
  static String clock(Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    return String.format(
        Locale.ROOT,
        "*%02d:%02d:%02d.%03d UTC %s %s %d %d",
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        t.getNano() / 1_000_000,
        t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        t.getDayOfMonth(),
        t.getYear());
  }
}
