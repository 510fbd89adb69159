package io.tunnelwatch.agent.report;

/**
 * Counts of the troubles behind (or besides) outages. Failures and storms count openings inside the
 * period; stall and one-way episodes count those overlapping it, and their durations are the
 * overlap with the period.
 */
public record Problems(
    int phase1Failures,
    int phase2Failures,
    int renegotiationStorms,
    int stallEpisodes,
    long stallMillis,
    int oneWayEpisodes,
    long oneWayMillis,
    int flaps) {

  public static final Problems NONE = new Problems(0, 0, 0, 0, 0, 0, 0, 0);

  public Problems plus(Problems o) {
    return new Problems(
        phase1Failures + o.phase1Failures,
        phase2Failures + o.phase2Failures,
        renegotiationStorms + o.renegotiationStorms,
        stallEpisodes + o.stallEpisodes,
        stallMillis + o.stallMillis,
        oneWayEpisodes + o.oneWayEpisodes,
        oneWayMillis + o.oneWayMillis,
        flaps + o.flaps);
  }
}
