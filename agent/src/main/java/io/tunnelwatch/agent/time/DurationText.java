package io.tunnelwatch.agent.time;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the Prometheus way: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m},
 * {@code 2w}, {@code 1y}. Units come largest first, each at most once; a year is 365 days and a
 * week 7 days, as in Prometheus.
 */
public final class DurationText {

  private static final Pattern WHOLE =
      Pattern.compile(
          "0|(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

  /** The units, in the order of the groups of {@link #WHOLE}. */
  private static final List<Duration> UNITS =
      List.of(
          Duration.ofDays(365),
          Duration.ofDays(7),
          Duration.ofDays(1),
          Duration.ofHours(1),
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          Duration.ofMillis(1));

  /** Longer texts are refused before matching: no valid duration comes close. */
  private static final int MAX_LENGTH = 64;

  private DurationText() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the expected form, or saying the duration is beyond
   *     what {@link Duration} holds (callers bound each duration to what its use can count)
   */
  public static Duration parse(String text) {
    Matcher m = text == null || text.length() > MAX_LENGTH ? null : WHOLE.matcher(text);
    if (m == null || text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 500ms, 30s, 5m, 1h30m or 1w, got '"
              + (text == null || text.length() > MAX_LENGTH ? "(too long to show)" : text)
              + "'");
    }
    Duration total = Duration.ZERO;
    try {
      for (int unit = 0; unit < UNITS.size(); unit++) {
        String amount = m.group(unit + 1);
        if (amount != null) {
          total = total.plus(UNITS.get(unit).multipliedBy(Long.parseLong(amount)));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration " + text + " is too long", e);
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
