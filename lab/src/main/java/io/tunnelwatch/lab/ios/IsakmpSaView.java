package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.IsakmpPolicy;
import io.tunnelwatch.lab.sim.RouterSnapshot;

/**
 * {@code show crypto isakmp sa [detail]}. Column widths and the odd whitespace-only separator lines
 * are those of real IOS, so fixed-column parsers can be exercised.
 */
final class IsakmpSaView {
  private IsakmpSaView() {}

  static String render(RouterSnapshot router, boolean detail) {
    return detail ? detail(router) : brief(router);
  }

  private static String brief(RouterSnapshot router) {
    StringBuilder out = new StringBuilder();
    out.append("IPv4 Crypto ISAKMP SA\n");
    out.append("dst             src             state          conn-id status\n");
    for (CryptoSnapshot session : router.sessions()) {
      CryptoSnapshot.IkeView ike = session.ike();
      if (ike == null) {
        continue;
      }
      out.append(
          IosFormat.f(
              "%-15s %-15s %-15s%7d %s\n",
              ike.destination(), ike.source(), ike.state(), ike.connId(), ike.status()));
    }
    // IOS really separates the sections with a line of nine blanks.
    out.append("         \n");
    out.append("IPv6 Crypto ISAKMP SA\n");
    out.append("\n");
    return out.toString();
  }

  private static String detail(RouterSnapshot router) {
    StringBuilder out = new StringBuilder();
    out.append("Codes: C - IKE configuration mode, D - Dead Peer Detection\n")
        .append("       K - Keepalives, N - NAT-traversal\n")
        .append("       T - cTCP encapsulation, X - IKE Extended Authentication\n")
        .append("       psk - Preshared key, rsig - RSA signature\n")
        .append("       renc - RSA encryption\n");
    out.append("IPv4 Crypto ISAKMP SA\n \n");
    out.append(
        "C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.\n \n");
    for (CryptoSnapshot crypto : router.sessions()) {
      CryptoSnapshot.IkeView ike = crypto.ike();
      if (ike == null) {
        continue;
      }
      IsakmpPolicy policy = crypto.config().isakmpPolicy();
      out.append(
          IosFormat.f(
              "%-5d %-15s %-15s %-6s %-6s %-4s %-6s %-4s %-2d %s %-3s\n",
              ike.connId(),
              crypto.localAddress(),
              crypto.peerAddress(),
              "",
              ike.status(),
              policy.encryption(),
              policy.hash(),
              policy.authentication(),
              policy.dhGroup(),
              IosFormat.hms(ike.remainingSeconds()),
              ""));
      out.append("       Engine-id:Conn-id =  SW:").append(ike.engineConnId()).append('\n');
    }
    out.append("         \n");
    out.append("IPv6 Crypto ISAKMP SA\n\n");
    return out.toString();
  }
}
