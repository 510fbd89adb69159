package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;

/**
 * {@code show crypto session [detail]} in the classic IOS 15 layout, trailing blanks included (the
 * real command pads several lines, and parsers in the field have to cope with that).
 */
final class CryptoSessionView {
  private CryptoSessionView() {}

  static String render(RouterSnapshot router, boolean detail) {
    StringBuilder out = new StringBuilder();
    out.append("Crypto session current status\n\n");
    if (detail) {
      out.append("Code: C - IKE Configuration mode, D - Dead Peer Detection     \n")
          .append("K - Keepalives, N - NAT-traversal, T - cTCP encapsulation     \n")
          .append("X - IKE Extended Authentication, F - IKE Fragmentation\n")
          .append("R - IKE Auto Reconnect, U - IKE Dynamic Route Update\n")
          .append("S - SIP VPN\n\n");
    }
    for (CryptoSnapshot c : router.sessions()) {
      session(out, c, detail);
    }
    return out.toString();
  }

  private static void session(StringBuilder out, CryptoSnapshot c, boolean detail) {
    // The IPsec flow is up exactly when its SAs are; the IKE SA may exist (UP-IDLE) or be a failing
    // attempt (DOWN-NEGOTIATING) without them.
    boolean up = c.outbound() != null;
    CryptoSnapshot.IkeView ike = c.ike();
    out.append("Interface: ").append(c.tunnelInterface()).append('\n');
    if (detail && c.sessionUptime() != null) {
      out.append("Uptime: ").append(IosFormat.age(c.sessionUptime())).append('\n');
    }
    out.append(IosFormat.f("Session status: %-14s\n", c.status().text()));
    out.append("Peer: ").append(c.peerAddress()).append(" port 500 ");
    if (detail) {
      out.append("fvrf: (none) ivrf: (none)\n")
          .append("      Phase1_id: ")
          .append(c.peerAddress())
          .append('\n')
          .append("      Desc: (none)\n");
    } else {
      out.append('\n');
    }
    if (ike != null) {
      out.append("  Session ID: 0  \n");
      out.append("  IKEv1 SA: local ")
          .append(c.localAddress())
          .append("/500 remote ")
          .append(c.peerAddress())
          .append(ike.established() ? "/500 Active \n" : "/500 Inactive \n");
      if (detail) {
        out.append("          Capabilities:(none) connid:")
            .append(ike.connId())
            .append(" lifetime:")
            .append(IosFormat.hms(ike.remainingSeconds()))
            .append('\n');
      }
    }
    out.append("  IPSEC FLOW: permit 47 host ")
        .append(c.localAddress())
        .append(" host ")
        .append(c.peerAddress())
        .append(" \n");
    out.append("        Active SAs: ").append(up ? 2 : 0).append(", origin: crypto map\n");
    if (detail && up) {
      out.append(
          IosFormat.f(
              "        Inbound:  #pkts dec'ed %d drop 0 life (KB/Sec) %d/%d\n",
              c.decapsulated(), c.inbound().remainingKilobytes(), c.inbound().remainingSeconds()));
      out.append(
          IosFormat.f(
              "        Outbound: #pkts enc'ed %d drop 0 life (KB/Sec) %d/%d\n",
              c.encapsulated(),
              c.outbound().remainingKilobytes(),
              c.outbound().remainingSeconds()));
    }
    out.append('\n');
  }
}
