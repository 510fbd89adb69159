package io.tunnelwatch.agent.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the Prometheus way: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}. */
public final class DurationText {

  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private DurationText() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 500ms, 30s, 5m or 1h30m, got '" + text + "'");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long amount = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
    }
    return total;
  }

  /** The shortest Prometheus-style text for a duration, e.g. {@code 1m30s}. */
  public static String format(Duration duration) {
    if (duration.toMillisPart() != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    long days = duration.toDaysPart();
    if (days > 0) {
      text.append(days).append('d');
    }
    appendPart(text, duration.toHoursPart(), 'h');
    appendPart(text, duration.toMinutesPart(), 'm');
    appendPart(text, duration.toSecondsPart(), 's');
    return text.toString();
  }

  private static void appendPart(StringBuilder text, int amount, char unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }
}
