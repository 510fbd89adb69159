package io.tunnelwatch.agent.alerting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings a refused alert within what Alertmanager's v2 API accepts: label and annotation names of
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, values without control characters or unpaired surrogates (which
 * do not survive as UTF-8), values of a bounded length, an end not before the start and a start
 * within the years Go's time parser reads. Alertmanager refuses a whole request for any one of
 * these, so whichever it named, all are applied.
 */
final class AlertCorrection implements Correction<Alert> {

  /** Far more than any summary needs; a proxy in front of Alertmanager may refuse larger bodies. */
  static final int MAX_VALUE_CHARS = 4096;

  private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^a-zA-Z0-9_]");
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  @Override
  public Optional<Alert> correct(Alert refused, String reason) {
    Instant startsAt = clamp(refused.startsAt());
    Optional<Instant> endsAt = refused.endsAt().map(AlertCorrection::clamp);
    Alert corrected =
        new Alert(
            refused.key(),
            names(refused.labels()),
            names(refused.annotations()),
            value(refused.generatorUrl()),
            startsAt,
            endsAt);
    return corrected.equals(refused) ? Optional.empty() : Optional.of(corrected);
  }

  /** Corrected names and values; of two names that become the same, the first (sorted) stays. */
  private static Map<String, String> names(Map<String, String> pairs) {
    Map<String, String> corrected = new LinkedHashMap<>();
    pairs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(pair -> corrected.putIfAbsent(name(pair.getKey()), value(pair.getValue())));
    return corrected;
  }

  static String name(String name) {
    String replaced = NOT_NAME_CHAR.matcher(name).replaceAll("_");
    return replaced.isEmpty() || Character.isDigit(replaced.charAt(0)) ? "_" + replaced : replaced;
  }

  static String value(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_CHARS));
    for (int i = 0; i < value.length() && out.length() < MAX_VALUE_CHARS; i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Instant clamp(Instant at) {
    return at.isBefore(EARLIEST) ? EARLIEST : at.isAfter(LATEST) ? LATEST : at;
  }
}
