package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.events.IkeFailReason;
import io.tunnelwatch.lab.events.IpsecFailReason;
import java.util.Map;

/**
 * What the faults on both ends of a {@link TunnelLink} call for: the phase the link belongs in and
 * why its negotiations fail. Reads the ends' current faults; not thread-safe, guarded by the link.
 */
final class LinkFaults {

  private final Map<Side, Endpoint> ends;

  LinkFaults(Map<Side, Endpoint> ends) {
    this.ends = ends;
  }

  boolean anyEnd(Fault fault) {
    return ends.get(Side.A).has(fault) || ends.get(Side.B).has(fault);
  }

  LinkPhase desiredPhase() {
    for (Endpoint end : ends.values()) {
      if (end.has(Fault.TUNNEL_DOWN) || end.outageUntil != null) {
        return LinkPhase.DOWN;
      }
    }
    if (anyEnd(Fault.ISAKMP_POLICY_MISMATCH) || anyEnd(Fault.PSK_MISMATCH)) {
      return LinkPhase.PHASE1_FAILING;
    }
    if (anyEnd(Fault.TRANSFORM_SET_MISMATCH) || anyEnd(Fault.ACL_MISMATCH)) {
      return LinkPhase.PHASE2_FAILING;
    }
    return LinkPhase.UP;
  }

  /** Why main mode fails, or null; policies are compared before keys, so they fail first. */
  IkeFailReason phase1Reason() {
    return anyEnd(Fault.ISAKMP_POLICY_MISMATCH)
        ? IkeFailReason.PROPOSAL_FAILURE
        : anyEnd(Fault.PSK_MISMATCH) ? IkeFailReason.AUTH_FAILURE : null;
  }

  /** Why quick mode fails, or null; transforms are compared before selectors. */
  IpsecFailReason phase2Reason() {
    return anyEnd(Fault.TRANSFORM_SET_MISMATCH)
        ? IpsecFailReason.PROPOSAL_FAILURE
        : anyEnd(Fault.ACL_MISMATCH) ? IpsecFailReason.PROTOCOL_USE_FAIL : null;
  }
}
