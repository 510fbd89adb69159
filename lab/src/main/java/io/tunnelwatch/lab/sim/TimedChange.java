package io.tunnelwatch.lab.sim;

import java.time.Instant;

/**
 * A change a {@link TunnelLink} makes by itself when its time comes.
 *
 * @param side the end it concerns, for {@link Kind#OUTAGE_END}; null otherwise
 */
record TimedChange(Instant at, Kind kind, Side side) {

  /** In tie-break order: of two changes due at once, the kind listed first happens first. */
  enum Kind {
    IPSEC_EXPIRY,
    IKE_EXPIRY,
    RETRY,
    STORM,
    OUTAGE_END
  }

  TimedChange(Instant at, Kind kind) {
    this(at, kind, null);
  }
}
