package io.tunnelwatch.agent.report.schedule;

import io.tunnelwatch.agent.report.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/** The calendar period a scheduled report covers: the last complete UTC day, ISO week or month. */
public enum PeriodKind {
  PREVIOUS_DAY,
  PREVIOUS_WEEK,
  PREVIOUS_MONTH;

  public static PeriodKind fromConfig(String name) {
    return Arrays.stream(values())
        .filter(k -> k.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected previous_day, previous_week or previous_month, got '" + name + "'"));
  }

  /** The complete period of this kind that ended last before {@code now}. */
  public ReportPeriod before(Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate end =
        switch (this) {
          case PREVIOUS_DAY -> today;
          case PREVIOUS_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case PREVIOUS_MONTH -> today.withDayOfMonth(1);
        };
    LocalDate start =
        switch (this) {
          case PREVIOUS_DAY -> end.minusDays(1);
          case PREVIOUS_WEEK -> end.minusWeeks(1);
          case PREVIOUS_MONTH -> end.minusMonths(1);
        };
    return new ReportPeriod(
        start.atStartOfDay(ZoneOffset.UTC).toInstant(),
        end.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
