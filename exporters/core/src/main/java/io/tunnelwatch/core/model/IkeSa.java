package io.tunnelwatch.core.model;

import java.util.OptionalLong;

/**
 * An IKE (phase 1) security association towards one peer.
 *
 * @param peer remote IKE address, the {@code peer} label
 * @param localAddress local IKE address
 * @param version IKEv1 (ISAKMP) or IKEv2
 * @param state state as the router words it, e.g. {@code QM_IDLE}, {@code MM_KEY_EXCH}, {@code
 *     READY}
 * @param established true when the state means a usable SA (QM_IDLE for IKEv1, READY for IKEv2)
 * @param connId the router's connection id, the SA's identity across polls; empty if not shown
 * @param lifetimeRemainingSeconds seconds until the SA expires, when the source shows it
 * @param activeSeconds how long the SA has existed, when the source shows it; going backwards means
 *     a new SA
 */
public record IkeSa(
    String peer,
    String localAddress,
    IkeVersion version,
    String state,
    boolean established,
    OptionalLong connId,
    OptionalLong lifetimeRemainingSeconds,
    OptionalLong activeSeconds) {

  /** An SA from a source that does not show its age. */
  public IkeSa(
      String peer,
      String localAddress,
      IkeVersion version,
      String state,
      boolean established,
      OptionalLong connId,
      OptionalLong lifetimeRemainingSeconds) {
    this(
        peer,
        localAddress,
        version,
        state,
        established,
        connId,
        lifetimeRemainingSeconds,
        OptionalLong.empty());
  }
}
