package io.tunnelwatch.agent.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The report command's date forms: a date (its midnight UTC) or a date-time (UTC unless offset).
 */
final class ReportTimes {

  /** The history stores nanoseconds since the epoch in 64 bits: 1677-09-21 .. 2262-04-11. */
  static final Instant EARLIEST = Instant.EPOCH.plusNanos(Long.MIN_VALUE);

  static final Instant LATEST = Instant.EPOCH.plusNanos(Long.MAX_VALUE);

  private ReportTimes() {}

  static Instant parse(String option, String text) {
    Instant instant = parseAny(option, text);
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          option
              + ": "
              + text
              + " is outside the times the history can hold ("
              + EARLIEST
              + " .. "
              + LATEST
              + ")");
    }
    return instant;
  }

  private static Instant parseAny(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException notDate) {
          throw new IllegalArgumentException(
              option
                  + ": expected an ISO date such as 2026-11-01 or a date-time such as"
                  + " 2026-11-01T08:00 or 2026-11-01T08:00:00+01:00, got '"
                  + text
                  + "'");
        }
      }
    }
  }
}
