package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.RouterSnapshot;

/**
 * Where the SNMP face reads a router's IKE/IPsec failure counters and failure records from. The
 * lab's fault injection owns that state ({@link #INJECTED}); this interface keeps the MIB code
 * independent of how it is kept. {@link #NONE} reports a router that never failed.
 */
@FunctionalInterface
public interface FailureSource {

  /** A router without failures: zero counters, empty failure tables. */
  FailureSource NONE = snapshot -> FailureState.EMPTY;

  /** The counters and records the lab's fault injection keeps in every {@link RouterSnapshot}. */
  FailureSource INJECTED = FailureState::of;

  /** The failure state of the router the snapshot shows, at the snapshot's instant. */
  FailureState failures(RouterSnapshot snapshot);
}
