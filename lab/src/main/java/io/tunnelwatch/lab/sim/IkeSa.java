package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * One IKEv1 (ISAKMP) SA between the two ends of a link.
 *
 * @param generation 0 for the first SA of the lab, +1 per rekey or re-establishment
 * @param connId the conn-id both routers print (each allocates its own, and in this two-router lab
 *     they happen to allocate the same one, as real routers with one peer usually do)
 * @param initiator the side that sent the first main-mode message: IOS prints it as {@code src}
 */
public record IkeSa(
    int generation, int connId, Instant created, Duration lifetime, Side initiator) {

  public Instant expiry() {
    return created.plus(lifetime);
  }

  /** Whole seconds left, never negative. */
  public long remainingSeconds(Instant at) {
    long ms = Duration.between(at, expiry()).toMillis();
    return Math.max(0, ms / 1000);
  }
}
