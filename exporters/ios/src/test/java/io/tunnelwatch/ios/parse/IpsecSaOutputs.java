package io.tunnelwatch.ios.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates {@code show crypto ipsec sa} output in the classic IOS layout of {@code
 * r1-ipsec-sa.txt}, for property tests and the parser benchmark.
 */
public final class IpsecSaOutputs {

  private IpsecSaOutputs() {}

  /**
   * One proxy-identity block: its addresses and counters.
   *
   * @param local the local proxy identity's address (IPv4 or IPv6)
   * @param remote the remote proxy identity's address, also used as the peer
   */
  public record Flow(
      String local,
      String remote,
      long encaps,
      long encrypt,
      long digest,
      long decaps,
      long decrypt,
      long verify,
      long sendErrors,
      long recvErrors) {

    boolean ipv6() {
      return local.indexOf(':') >= 0;
    }
  }

  /** One {@code interface:} block and its flows. */
  public record Interface(String name, String localAddress, List<Flow> flows) {}

  /** A random IPv4 flow with counters below {@code maxCounter}. */
  public static Flow randomFlow(Random random, long maxCounter) {
    return new Flow(
        ipv4(random),
        ipv4(random),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter),
        counter(random, maxCounter));
  }

  /** {@code flows} random flows on one interface, as a router with that many tunnels prints. */
  public static String randomOutput(Random random, int flows) {
    List<Flow> list = new ArrayList<>(flows);
    for (int i = 0; i < flows; i++) {
      list.add(randomFlow(random, Long.MAX_VALUE / 2));
    }
    return render(List.of(new Interface("Tunnel0", "100.0.0.1", list)));
  }

  /** Renders the interfaces with a prompt and command echo in front and a prompt after. */
  public static String render(List<Interface> interfaces) {
    StringBuilder out = new StringBuilder("R1#show crypto ipsec sa\n\n");
    for (Interface iface : interfaces) {
      out.append("interface: ").append(iface.name()).append('\n');
      out.append("    Crypto map tag: ")
          .append(iface.name())
          .append("-head-0, local addr ")
          .append(iface.localAddress())
          .append("\n\n");
      int spi = 0x1000;
      for (Flow flow : iface.flows()) {
        appendFlow(out, flow, iface.name(), spi);
        spi += 2;
      }
    }
    return out.append("R1#").toString();
  }

  private static void appendFlow(StringBuilder out, Flow f, String ifName, int spi) {
    String mask = f.ipv6() ? "128" : "255.255.255.255";
    String in = String.format("0x%08X(%d)", spi, spi);
    String outSpi = String.format("0x%08X(%d)", spi + 1, spi + 1);
    out.append("   protected vrf: (none)\n");
    out.append("   local  ident (addr/mask/prot/port): (")
        .append(f.local())
        .append('/')
        .append(mask)
        .append("/47/0)\n");
    out.append("   remote ident (addr/mask/prot/port): (")
        .append(f.remote())
        .append('/')
        .append(mask)
        .append("/47/0)\n");
    out.append("   current_peer ").append(f.remote()).append(" port 500\n");
    out.append("     PERMIT, flags={origin_is_acl,}\n");
    out.append("    #pkts encaps: ")
        .append(f.encaps())
        .append(", #pkts encrypt: ")
        .append(f.encrypt())
        .append(", #pkts digest: ")
        .append(f.digest())
        .append('\n');
    out.append("    #pkts decaps: ")
        .append(f.decaps())
        .append(", #pkts decrypt: ")
        .append(f.decrypt())
        .append(", #pkts verify: ")
        .append(f.verify())
        .append('\n');
    out.append("    #pkts compressed: 0, #pkts decompressed: 0\n");
    out.append("    #pkts not compressed: 0, #pkts compr. failed: 0\n");
    out.append("    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
    out.append("    #send errors ")
        .append(f.sendErrors())
        .append(", #recv errors ")
        .append(f.recvErrors())
        .append("\n\n");
    out.append("     local crypto endpt.: ")
        .append(f.local())
        .append(", remote crypto endpt.: ")
        .append(f.remote())
        .append('\n');
    out.append("     plaintext mtu 1422, path mtu 1500, ip mtu 1500, ip mtu idb ")
        .append(ifName)
        .append('\n');
    out.append("     current outbound spi: ").append(outSpi).append('\n');
    out.append("     PFS (Y/N): N, DH group: none\n\n");
    appendSas(out, "inbound", in);
    appendSas(out, "outbound", outSpi);
  }

  private static void appendSas(StringBuilder out, String direction, String spi) {
    out.append("     ").append(direction).append(" esp sas:\n");
    out.append("      spi: ").append(spi).append('\n');
    out.append("        transform: esp-aes esp-sha-hmac ,\n");
    out.append("        in use settings ={Tunnel, }\n");
    out.append("        conn id: 2001, flow_id: SW:1, sibling_flags 80000046, crypto map: CMAP\n");
    out.append("        sa timing: remaining key lifetime (k/sec): (4607999/2757)\n");
    out.append("        IV size: 16 bytes\n");
    out.append("        replay detection support: Y\n");
    out.append("        Status: ACTIVE\n\n");
    out.append("     ").append(direction).append(" ah sas:\n\n");
    out.append("     ").append(direction).append(" pcp sas:\n\n");
  }

  private static String ipv4(Random random) {
    return random.nextInt(224)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }

  private static long counter(Random random, long max) {
    // Mostly small counters, sometimes huge ones: both shapes occur on real routers.
    return random.nextBoolean()
        ? random.nextInt(100_000)
        : (random.nextLong() & Long.MAX_VALUE) % max;
  }
}
