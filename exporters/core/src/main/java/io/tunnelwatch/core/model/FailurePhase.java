package io.tunnelwatch.core.model;

/** Which negotiation a failure belongs to. */
public enum FailurePhase {
  PHASE1,
  PHASE2
}
