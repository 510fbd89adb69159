package io.tunnelwatch.lab.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One failed negotiation as a router remembers it: a row of {@code cikeFailTable} (phase 1) or
 * {@code cipSecFailTable} (phase 2).
 *
 * @param index the router's running number for this table: 1 for the first failure since boot
 * @param reason an {@link IkeFailReason} for phase 1, an {@link IpsecFailReason} for phase 2
 * @param uptime the router's uptime when it happened (the MIB's {@code TimeStamp})
 * @param localAddress this router's IKE address
 * @param remoteAddress the peer's IKE address
 */
public record FailureRecord(
    long index,
    FailureReason reason,
    Instant at,
    Duration uptime,
    String localAddress,
    String remoteAddress) {

  public FailureRecord {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }

  /** True for an IKE (phase 1) failure, false for an IPsec (phase 2) one. */
  public boolean isPhase1() {
    return reason instanceof IkeFailReason;
  }
}
