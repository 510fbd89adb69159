package io.tunnelwatch.lab.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * When a {@link TunnelLink} changes by itself next: SA expiries, negotiation retries, storm rekeys
 * and the end of reboot outages. Holds the retry and storm timers; the rest it reads from the SAs
 * and the ends. Not thread-safe: guarded by its link.
 */
final class LinkTimers {

  private Instant nextAttempt;
  private Instant nextStormRekey;

  /** A failed negotiation is tried again one retry interval later. */
  void retryAfter(Instant at) {
    nextAttempt = at.plus(TunnelLink.NEGOTIATION_RETRY);
  }

  void cancelRetry() {
    nextAttempt = null;
  }

  /** Starts a storm (first rekey one interval from now) unless one runs, or stops it. */
  void storm(boolean on, Instant at) {
    if (!on) {
      nextStormRekey = null;
    } else if (nextStormRekey == null) {
      nextStormRekey = at.plus(TunnelLink.STORM_INTERVAL);
    }
  }

  /** The storm rekeyed at {@code at}; the next rekey follows one interval later. */
  void stormRekeyed(Instant at) {
    nextStormRekey = at.plus(TunnelLink.STORM_INTERVAL);
  }

  /**
   * The earliest pending change, or null; on a tie the first in {@link TimedChange.Kind} wins.
   *
   * @param ikeExpires false while phase 1 fails: the attempt's SA has no lifetime to run out
   */
  TimedChange next(LinkSas sas, boolean ikeExpires, Map<Side, Endpoint> ends) {
    List<TimedChange> due = new ArrayList<>();
    if (sas.ipsec() != null) {
      due.add(new TimedChange(sas.ipsec().expiry(), TimedChange.Kind.IPSEC_EXPIRY));
    }
    if (sas.ike() != null && ikeExpires) {
      due.add(new TimedChange(sas.ike().expiry(), TimedChange.Kind.IKE_EXPIRY));
    }
    if (nextAttempt != null) {
      due.add(new TimedChange(nextAttempt, TimedChange.Kind.RETRY));
    }
    if (nextStormRekey != null) {
      due.add(new TimedChange(nextStormRekey, TimedChange.Kind.STORM));
    }
    for (Side side : Side.values()) {
      Instant until = ends.get(side).outageUntil;
      if (until != null) {
        due.add(new TimedChange(until, TimedChange.Kind.OUTAGE_END, side));
      }
    }
    // min keeps the first of equal elements, and the list is in tie-break order.
    return due.stream().min(Comparator.comparing(TimedChange::at)).orElse(null);
  }
}
