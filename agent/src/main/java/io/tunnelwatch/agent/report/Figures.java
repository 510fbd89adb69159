package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The availability figures of one timeline (or a sum of timelines), in whole milliseconds.
 *
 * <p>Availability is {@code up / (up + down)}: time the agent did not know about is excluded, never
 * counted as up. It is rounded half-even to three decimals of a percent only when presented; MTBF
 * is {@code up / failures} (failures = outages that began inside the period) and MTTR is {@code
 * outage time / outages}, both floored to the millisecond.
 */
public record Figures(
    long periodMillis,
    long upMillis,
    long downMillis,
    long unknownMillis,
    int outages,
    int failures,
    long outageMillis,
    long longestOutageMillis) {

  public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

  static Figures of(List<Segment> timeline, List<Outage> outages) {
    long up = 0;
    long down = 0;
    long unknown = 0;
    for (Segment s : timeline) {
      switch (s.state()) {
        case UP -> up += s.millis();
        case DOWN -> down += s.millis();
        case UNKNOWN -> unknown += s.millis();
      }
    }
    long longest = outages.stream().mapToLong(Outage::millis).max().orElse(0);
    int failures = (int) outages.stream().filter(o -> !o.startedBefore()).count();
    return new Figures(
        up + down + unknown, up, down, unknown, outages.size(), failures, down, longest);
  }

  /** The outages of a timeline; {@code downBefore} says whether the object was down just before. */
  static List<Outage> outages(List<Segment> timeline, boolean downBefore) {
    if (timeline.isEmpty()) {
      return List.of();
    }
    var end = timeline.get(timeline.size() - 1).to();
    var start = timeline.get(0).from();
    return timeline.stream()
        .filter(s -> s.state() == ObjectState.DOWN)
        .map(
            s ->
                new Outage(
                    s.from(), s.to(), downBefore && s.from().equals(start), s.to().equals(end)))
        .toList();
  }

  /** Adds another timeline's figures (fleet totals); the longest outage is the longest of both. */
  public Figures plus(Figures other) {
    return new Figures(
        periodMillis + other.periodMillis,
        upMillis + other.upMillis,
        downMillis + other.downMillis,
        unknownMillis + other.unknownMillis,
        outages + other.outages,
        failures + other.failures,
        outageMillis + other.outageMillis,
        Math.max(longestOutageMillis, other.longestOutageMillis));
  }

  public long knownMillis() {
    return upMillis + downMillis;
  }

  /** Percent of known time up, three decimals, half-even; empty when nothing was known. */
  public Optional<BigDecimal> availabilityPercent() {
    if (knownMillis() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(upMillis)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(knownMillis()), 3, RoundingMode.HALF_EVEN));
  }

  /** Percent of the period the state was known, three decimals, half-even. */
  public BigDecimal coveragePercent() {
    if (periodMillis == 0) {
      return BigDecimal.ZERO.setScale(3);
    }
    return BigDecimal.valueOf(knownMillis())
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(periodMillis), 3, RoundingMode.HALF_EVEN);
  }

  /** Mean up time between failures; empty when nothing failed. */
  public OptionalLong mtbfMillis() {
    return failures == 0 ? OptionalLong.empty() : OptionalLong.of(upMillis / failures);
  }

  /** Mean outage duration; empty without outages. */
  public OptionalLong mttrMillis() {
    return outages == 0 ? OptionalLong.empty() : OptionalLong.of(outageMillis / outages);
  }
}
