package io.tunnelwatch.lab.events;

/**
 * Why a negotiation failed, as an enumerated value of CISCO-IPSEC-FLOW-MONITOR-MIB ({@code
 * cikeFailReason} for phase 1, {@code cipSecFailReason} for phase 2).
 */
public interface FailureReason {
  /** The MIB's integer value. */
  int code();

  /** The MIB's label for the value, e.g. {@code authFailure}. */
  String mibName();
}
