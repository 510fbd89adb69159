package io.tunnelwatch.lab.sim;

/** The two ends of a {@link TunnelLink}. A is the end that initiates IKE. */
public enum Side {
  A,
  B;

  /** The other end. */
  public Side peer() {
    return this == A ? B : A;
  }
}
