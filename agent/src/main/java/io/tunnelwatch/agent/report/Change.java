package io.tunnelwatch.agent.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How a period compares with the previous one. The availability change is the exact difference of
 * the two ratios in percentage points, rounded half-even to three decimals once, at the end.
 */
public record Change(Optional<BigDecimal> availabilityPoints, int outages, long outageMillis) {

  public static Change between(Figures current, Figures previous) {
    Optional<BigDecimal> points = Optional.empty();
    if (current.knownMillis() > 0 && previous.knownMillis() > 0) {
      // a/b - c/d = (a*d - c*b) / (b*d), all in exact integers
      BigDecimal numerator =
          BigDecimal.valueOf(current.upMillis())
              .multiply(BigDecimal.valueOf(previous.knownMillis()))
              .subtract(
                  BigDecimal.valueOf(previous.upMillis())
                      .multiply(BigDecimal.valueOf(current.knownMillis())));
      BigDecimal denominator =
          BigDecimal.valueOf(current.knownMillis())
              .multiply(BigDecimal.valueOf(previous.knownMillis()));
      points =
          Optional.of(
              numerator
                  .multiply(BigDecimal.valueOf(100))
                  .divide(denominator, 3, RoundingMode.HALF_EVEN));
    }
    return new Change(
        points,
        current.outages() - previous.outages(),
        current.outageMillis() - previous.outageMillis());
  }
}
