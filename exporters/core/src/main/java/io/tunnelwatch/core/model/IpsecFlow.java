package io.tunnelwatch.core.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The IPsec (phase 2) SAs protecting one traffic-selector pair towards one peer.
 *
 * @param peer remote IKE address, the {@code peer} label
 * @param flow the selector pair written {@code local->remote}, e.g. {@code
 *     10.0.0.1/32:47->10.0.0.2/32:47}; see {@link TrafficSelector#label()}
 * @param interfaceName interface carrying the crypto map or tunnel protection
 * @param up true when both an inbound and an outbound ESP SA are active
 * @param spis the current SA identity; empty when no SA is active
 * @param lifetimeRemainingSeconds smallest remaining lifetime among active outbound SAs
 * @param counters the router's packet counters for the flow
 * @param activeSeconds how long the current SAs have existed, when the source shows it
 */
public record IpsecFlow(
    String peer,
    String flow,
    String interfaceName,
    boolean up,
    Optional<SpiPair> spis,
    OptionalLong lifetimeRemainingSeconds,
    IpsecCounters counters,
    OptionalLong activeSeconds) {

  /** A flow from a source that does not show the SAs' age. */
  public IpsecFlow(
      String peer,
      String flow,
      String interfaceName,
      boolean up,
      Optional<SpiPair> spis,
      OptionalLong lifetimeRemainingSeconds,
      IpsecCounters counters) {
    this(
        peer,
        flow,
        interfaceName,
        up,
        spis,
        lifetimeRemainingSeconds,
        counters,
        OptionalLong.empty());
  }
}
