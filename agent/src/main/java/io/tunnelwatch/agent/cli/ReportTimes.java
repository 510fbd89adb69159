package io.tunnelwatch.agent.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The report command's date forms: a date (its midnight UTC) or a date-time (UTC unless offset).
 */
final class ReportTimes {

  private ReportTimes() {}

  static Instant parse(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
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
