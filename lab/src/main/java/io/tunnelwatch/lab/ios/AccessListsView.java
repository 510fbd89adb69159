package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.List;

/** {@code show ip access-lists [NAME]} and {@code show access-lists [NAME]}. */
final class AccessListsView {
  private AccessListsView() {}

  /** IOS numbers entries in steps of 10 when the configuration gives no sequence numbers. */
  private static final int SEQUENCE_STEP = 10;

  /**
   * @param name only this list; null for all (an unknown name prints nothing, as in IOS)
   */
  static String render(RouterSnapshot router, String name) {
    RunningCrypto crypto = RunningCrypto.of(router.config(), router.activeFaults());
    StringBuilder out = new StringBuilder();
    List<RunningCrypto.Peer> peers = crypto.peers();
    for (int t = 0; t < peers.size(); t++) {
      RunningCrypto.AccessList acl = peers.get(t).acl();
      if (name != null && !name.equals(acl.name())) {
        continue;
      }
      out.append("Extended IP access list ").append(acl.name()).append('\n');
      // The crypto ACL is what selects the tunnel's GRE packets for encryption: its hits are the
      // packets the current flow encrypted. IOS leaves out a count of zero.
      long matches = router.sessions().get(t).encapsulated();
      for (int e = 0; e < acl.entries().size(); e++) {
        out.append("    ").append((e + 1) * SEQUENCE_STEP).append(' ').append(acl.entries().get(e));
        if (matches > 0 && acl.entries().get(e).startsWith("permit gre")) {
          out.append(" (").append(matches).append(" matches)");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
