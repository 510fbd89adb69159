package io.tunnelwatch.ios.parse;

import java.util.Locale;
import java.util.OptionalLong;

/** The ways IOS writes a remaining lifetime, turned into seconds. */
final class Durations {

  private Durations() {}

  /** {@code hh:mm:ss} (hours may exceed 24); empty when the text has another shape. */
  static OptionalLong clock(String text) {
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (first <= 0 || second < 0 || text.indexOf(':', second + 1) >= 0) {
      return OptionalLong.empty();
    }
    long hours = digits(text, 0, first);
    long minutes = digits(text, first + 1, second);
    long seconds = digits(text, second + 1, text.length());
    if (hours < 0 || minutes < 0 || seconds < 0 || minutes > 59 || seconds > 59) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(hours * 3600 + minutes * 60 + seconds);
  }

  /**
   * IOS-XE's spelled-out form, e.g. {@code 4 hours, 2 mins} or {@code 45 secs}; empty when a part
   * is not a number followed by a known unit.
   */
  static OptionalLong words(String text) {
    String[] parts = text.split(",");
    long total = 0;
    boolean any = false;
    for (String part : parts) {
      String[] tokens = part.strip().split("\\s+");
      if (tokens.length != 2) {
        return OptionalLong.empty();
      }
      long value = digits(tokens[0], 0, tokens[0].length());
      long unit = unitSeconds(tokens[1].toLowerCase(Locale.ROOT));
      if (value < 0 || unit < 0) {
        return OptionalLong.empty();
      }
      total += value * unit;
      any = true;
    }
    return any ? OptionalLong.of(total) : OptionalLong.empty();
  }

  private static long unitSeconds(String unit) {
    return switch (unit) {
      case "day", "days" -> 86_400;
      case "hour", "hours", "hr", "hrs" -> 3_600;
      case "min", "mins", "minute", "minutes" -> 60;
      case "sec", "secs", "second", "seconds" -> 1;
      default -> -1;
    };
  }

  /** Non-negative value of the decimal digits in {@code text[from, to)}, or -1. */
  static long digits(String text, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
