package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.CryptoConfig;
import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.CryptoSnapshot.EspSaView;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.function.Predicate;

/**
 * {@code show crypto ipsec sa}. The crypto map sits on the internet interface, so that interface
 * heads the output and is the {@code ip mtu idb}; the traffic selector is the GRE flow between the
 * two public addresses.
 */
final class IpsecSaView {
  /** 1500 minus outer IP, ESP header, AES IV, padding and SHA-1 ICV, as IOS computes it. */
  private static final int PLAINTEXT_MTU_WITH_SA = 1438;

  private IpsecSaView() {}

  /**
   * @param peers which flows to show, by peer address: {@code show crypto ipsec sa peer A} shows
   *     one peer's under the same interface header
   */
  static String render(RouterSnapshot router, Predicate<String> peers) {
    CryptoSnapshot first = router.crypto();
    CryptoConfig config = first.config();
    StringBuilder out = new StringBuilder();
    out.append("interface: ").append(config.mapInterface()).append('\n');
    out.append("    Crypto map tag: ")
        .append(config.cryptoMapName())
        .append(", local addr ")
        .append(first.localAddress())
        .append("\n\n");
    // One block per flow (peer) under the one crypto map, as IOS lists several peers.
    boolean firstShown = true;
    for (CryptoSnapshot session : router.sessions()) {
      if (!peers.test(session.peerAddress())) {
        continue;
      }
      if (!firstShown) {
        out.append('\n');
      }
      firstShown = false;
      flow(out, session);
    }
    return out.toString();
  }

  private static void flow(StringBuilder out, CryptoSnapshot c) {
    CryptoConfig config = c.config();
    boolean up = c.outbound() != null;
    out.append("   protected vrf: (none)\n");
    out.append("   local  ident (addr/mask/prot/port): (")
        .append(c.localAddress())
        .append("/255.255.255.255/47/0)\n");
    out.append("   remote ident (addr/mask/prot/port): (")
        .append(c.peerAddress())
        .append("/255.255.255.255/47/0)\n");
    out.append("   current_peer ").append(c.peerAddress()).append(" port 500\n");
    out.append("     PERMIT, flags={origin_is_acl,}\n");
    long enc = c.encapsulated();
    long dec = c.decapsulated();
    out.append(
        IosFormat.f("    #pkts encaps: %d, #pkts encrypt: %d, #pkts digest: %d\n", enc, enc, enc));
    out.append(
        IosFormat.f("    #pkts decaps: %d, #pkts decrypt: %d, #pkts verify: %d\n", dec, dec, dec));
    out.append("    #pkts compressed: 0, #pkts decompressed: 0\n");
    out.append("    #pkts not compressed: 0, #pkts compr. failed: 0\n");
    out.append("    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
    out.append("    #send errors 0, #recv errors 0\n\n");
    out.append("     local crypto endpt.: ")
        .append(c.localAddress())
        .append(", remote crypto endpt.: ")
        .append(c.peerAddress())
        .append('\n');
    out.append(
        IosFormat.f(
            "     plaintext mtu %d, path mtu 1500, ip mtu 1500, ip mtu idb %s\n",
            up ? PLAINTEXT_MTU_WITH_SA : 1500, config.mapInterface()));
    out.append("     current outbound spi: ")
        .append(IosFormat.spi(up ? c.outbound().spi() : 0))
        .append('\n');
    out.append("     PFS (Y/N): N, DH group: none\n\n");
    out.append("     inbound esp sas:\n");
    if (up) {
      sa(out, c.inbound(), config);
    }
    out.append("\n     inbound ah sas:\n\n");
    out.append("     inbound pcp sas:\n\n");
    out.append("     outbound esp sas:\n");
    if (up) {
      sa(out, c.outbound(), config);
    }
    out.append("\n     outbound ah sas:\n\n");
    out.append("     outbound pcp sas:\n");
  }

  private static void sa(StringBuilder out, EspSaView sa, CryptoConfig config) {
    out.append("      spi: ").append(IosFormat.spi(sa.spi())).append('\n');
    out.append("        transform: ").append(config.transforms()).append(" ,\n");
    out.append("        in use settings ={Tunnel, }\n");
    out.append(
        IosFormat.f(
            "        conn id: %d, flow_id: SW:%d, sibling_flags 80000046, crypto map: %s\n",
            sa.connId(), sa.flowId(), config.cryptoMapName()));
    out.append(
        IosFormat.f(
            "        sa timing: remaining key lifetime (k/sec): (%d/%d)\n",
            sa.remainingKilobytes(), sa.remainingSeconds()));
    out.append("        IV size: 16 bytes\n");
    out.append("        replay detection support: Y\n");
    out.append("        Status: ACTIVE(ACTIVE)\n");
  }
}
