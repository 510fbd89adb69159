package io.tunnelwatch.lab.sim;

/** How far the two ends of a link get with their negotiation. */
public enum LinkPhase {
  /** IKE SA and IPsec SA pair established: session {@code UP-ACTIVE}. */
  UP,
  /** IKE SA established, quick mode refused: session {@code UP-IDLE}, no IPsec SA. */
  PHASE2_FAILING,
  /** Main mode keeps failing: session {@code DOWN-NEGOTIATING}, no SA at all. */
  PHASE1_FAILING,
  /** No path to the peer: tunnel line protocol down, session {@code DOWN}. */
  DOWN
}
