package io.tunnelwatch.agent.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open period [from, to) of wall-clock time. */
public record ReportPeriod(Instant from, Instant to) {

  public ReportPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "expected a period whose start is before its end, got " + from + " .. " + to);
    }
  }

  public long millis() {
    return Duration.between(from, to).toMillis();
  }

  /** The period of the same length that ends where this one starts. */
  public ReportPeriod previous() {
    return new ReportPeriod(from.minus(Duration.between(from, to)), from);
  }

  /** Milliseconds of [a, b) that fall inside this period. */
  public long overlapMillis(Instant a, Instant b) {
    Instant start = a.isAfter(from) ? a : from;
    Instant end = b.isBefore(to) ? b : to;
    return start.isBefore(end) ? Duration.between(start, end).toMillis() : 0;
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
