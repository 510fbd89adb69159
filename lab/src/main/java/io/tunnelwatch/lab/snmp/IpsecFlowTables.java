package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.CryptoConfig;
import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.CryptoSnapshot.IkeView;
import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * CISCO-IPSEC-FLOW-MONITOR-MIB: global IKE/IPsec statistics, the IKE peer and tunnel tables, the
 * IPsec tunnel, endpoint and SPI tables, and the failure tables.
 *
 * <p>Row indexes are derived from the SA generations, so a renegotiated SA gets a new row index as
 * on a real router: with M sessions on a router, session j's SA of generation g has index g*M + j +
 * 1. The IPsec tunnel counters are those of the flow ({@code #pkts encrypt}), so that SNMP and
 * {@code show crypto ipsec sa} give the same numbers.
 */
final class IpsecFlowTables {
  private static final int PEER_TYPE_IP = 1;
  private static final int NEGO_MAIN = 1;
  private static final int DH_GROUP_2 = 3;
  private static final int HASH_SHA = 3;
  private static final int AUTH_PRESHARED = 2;
  private static final int STATUS_ACTIVE = 1;
  private static final int TRUE = 1;
  private static final int KEY_IKE = 1;
  private static final int ENCAP_TUNNEL = 1;
  private static final int NONE = 1;
  private static final int AUTH_HMAC_SHA = 3;
  private static final int END_PT_SINGLE = 1;
  private static final int PROTO_GRE = 47;
  private static final int SPI_IN = 1;
  private static final int SPI_OUT = 2;
  private static final int SPI_ESP = 2;

  private IpsecFlowTables() {}

  /**
   * cikeTunIndex: the router's IKE SA sequence number (engine conn-id), which is new for every
   * negotiation and unique across the router's tunnels; 0 while the session has no established IKE
   * SA (a failing main mode is no tunnel: it shows in cikeFailTable instead).
   */
  static int ikeIndex(CryptoSnapshot c) {
    return c.ike() == null || !c.ike().established() ? 0 : c.ike().engineConnId();
  }

  /** cipSecTunIndex: the ESP pair's sequence number, from its flow ids; 0 while it has none. */
  static int ipsecIndex(CryptoSnapshot c) {
    return c.inbound() == null ? 0 : (c.inbound().flowId() - 1) / 2 + 1;
  }

  /** The cikePeerTable index: local type, local value, remote type, remote value, 1. */
  static OID peerIndex(String local, String remote) {
    OID index = new OID();
    index.append(PEER_TYPE_IP);
    index.append(lengthPrefixed(local));
    index.append(PEER_TYPE_IP);
    index.append(lengthPrefixed(remote));
    index.append(1);
    return index;
  }

  static void write(RouterSnapshot s, FailureState failures, Map<OID, Variable> out) {
    Totals totals = new Totals();
    // Global traffic counters must never go backwards, while flow counters restart with every
    // rebuilt session: count what crossed the tunnel interfaces since boot instead.
    for (InterfaceSnapshot i : s.interfaces()) {
      if (i.isTunnel()) {
        totals.inOctets += i.bytesIn();
        totals.inPkts += i.packetsIn();
        totals.outOctets += i.bytesOut();
        totals.outPkts += i.packetsOut();
      }
    }
    for (CryptoSnapshot c : s.sessions()) {
      if (c.ike() != null && c.ike().established()) {
        ike(s, c, ikeIndex(c), out, totals);
      }
      if (c.inbound() != null && c.outbound() != null) {
        ipsec(c, ipsecIndex(c), ikeIndex(c), out, totals);
      }
    }
    ikeGlobals(failures, totals, out);
    ipsecGlobals(failures, totals, out);
    failureTables(failures, out);
  }

  private static final class Totals {
    int ikeActive;
    int ipsecActive;
    long inOctets;
    long inPkts;
    long outOctets;
    long outPkts;
  }

  private static void ike(
      RouterSnapshot s, CryptoSnapshot c, int index, Map<OID, Variable> out, Totals totals) {
    IkeView ike = c.ike();
    CryptoConfig config = c.config();
    long lifetime = config.isakmpPolicy().lifetime().toSeconds();
    long activeHundredths = (lifetime - ike.remainingSeconds()) * 100;
    OID e = MibOids.CIKE_TUNNEL_ENTRY;
    out.put(MibOids.cell(e, 2, index), new Integer32(PEER_TYPE_IP));
    out.put(MibOids.cell(e, 3, index), new OctetString(c.localAddress()));
    out.put(MibOids.cell(e, 4, index), ipsAddress(c.localAddress()));
    out.put(MibOids.cell(e, 5, index), new OctetString(s.hostname()));
    out.put(MibOids.cell(e, 6, index), new Integer32(PEER_TYPE_IP));
    out.put(MibOids.cell(e, 7, index), new OctetString(c.peerAddress()));
    out.put(MibOids.cell(e, 8, index), ipsAddress(c.peerAddress()));
    out.put(MibOids.cell(e, 9, index), new OctetString(""));
    out.put(MibOids.cell(e, 10, index), new Integer32(NEGO_MAIN));
    out.put(MibOids.cell(e, 11, index), new Integer32(DH_GROUP_2));
    out.put(MibOids.cell(e, 13, index), new Integer32(HASH_SHA));
    out.put(MibOids.cell(e, 14, index), new Integer32(AUTH_PRESHARED));
    out.put(MibOids.cell(e, 15, index), new Integer32((int) lifetime));
    out.put(MibOids.cell(e, 16, index), new Integer32((int) activeHundredths));
    out.put(MibOids.cell(e, 18, index), new Counter32(0));
    for (int column = 19; column <= 34; column++) {
      out.put(MibOids.cell(e, column, index), new Counter32(0));
    }
    out.put(MibOids.cell(e, 35, index), new Integer32(STATUS_ACTIVE));

    OID peer = peerIndex(c.localAddress(), c.peerAddress());
    OID p = MibOids.CIKE_PEER_ENTRY;
    out.put(MibOids.cell(p, 6, peer), ipsAddress(c.localAddress()));
    out.put(MibOids.cell(p, 7, peer), ipsAddress(c.peerAddress()));
    out.put(MibOids.cell(p, 8, peer), new Integer32((int) activeHundredths));
    out.put(MibOids.cell(p, 9, peer), new Integer32(index));

    totals.ikeActive++;
  }

  private static void ipsec(
      CryptoSnapshot c, int index, int ikeIndex, Map<OID, Variable> out, Totals totals) {
    CryptoConfig config = c.config();
    long lifetime = config.ipsecLifetime().toSeconds();
    long activeHundredths = (lifetime - c.outbound().remainingSeconds()) * 100;
    long inOctets = c.decapsulatedBytes();
    long outOctets = c.encapsulatedBytes();
    long inPkts = c.decapsulated();
    long outPkts = c.encapsulated();
    OID e = MibOids.CIPSEC_TUNNEL_ENTRY;
    out.put(MibOids.cell(e, 2, index), new Integer32(ikeIndex));
    out.put(MibOids.cell(e, 3, index), new Integer32(TRUE));
    out.put(MibOids.cell(e, 4, index), ipsAddress(c.localAddress()));
    out.put(MibOids.cell(e, 5, index), ipsAddress(c.peerAddress()));
    out.put(MibOids.cell(e, 6, index), new Integer32(KEY_IKE));
    out.put(MibOids.cell(e, 7, index), new Integer32(ENCAP_TUNNEL));
    out.put(
        MibOids.cell(e, 8, index),
        new Integer32((int) Math.min(Integer.MAX_VALUE, config.ipsecLifetimeKilobytes())));
    out.put(MibOids.cell(e, 9, index), new Integer32((int) lifetime));
    out.put(MibOids.cell(e, 10, index), new Integer32((int) activeHundredths));
    out.put(MibOids.cell(e, 13, index), new Counter32(0));
    out.put(MibOids.cell(e, 14, index), new Counter32(0));
    out.put(MibOids.cell(e, 15, index), new Gauge32(2));
    out.put(MibOids.cell(e, 16, index), new Integer32(NONE));
    out.put(MibOids.cell(e, 18, index), new Integer32(NONE));
    out.put(MibOids.cell(e, 19, index), new Integer32(AUTH_HMAC_SHA));
    out.put(MibOids.cell(e, 20, index), new Integer32(NONE));
    out.put(MibOids.cell(e, 21, index), new Integer32(NONE));
    out.put(MibOids.cell(e, 23, index), new Integer32(NONE));
    out.put(MibOids.cell(e, 24, index), new Integer32(AUTH_HMAC_SHA));
    out.put(MibOids.cell(e, 25, index), new Integer32(NONE));
    octets(e, 26, index, inOctets, out);
    octets(e, 29, index, inOctets, out);
    out.put(MibOids.cell(e, 32, index), InterfaceTables.counter32(inPkts));
    out.put(MibOids.cell(e, 33, index), new Counter32(0));
    out.put(MibOids.cell(e, 34, index), new Counter32(0));
    out.put(MibOids.cell(e, 35, index), InterfaceTables.counter32(inPkts));
    out.put(MibOids.cell(e, 36, index), new Counter32(0));
    out.put(MibOids.cell(e, 37, index), InterfaceTables.counter32(inPkts));
    out.put(MibOids.cell(e, 38, index), new Counter32(0));
    octets(e, 39, index, outOctets, out);
    octets(e, 42, index, outOctets, out);
    out.put(MibOids.cell(e, 45, index), InterfaceTables.counter32(outPkts));
    out.put(MibOids.cell(e, 46, index), new Counter32(0));
    out.put(MibOids.cell(e, 47, index), InterfaceTables.counter32(outPkts));
    out.put(MibOids.cell(e, 48, index), new Counter32(0));
    out.put(MibOids.cell(e, 49, index), InterfaceTables.counter32(outPkts));
    out.put(MibOids.cell(e, 50, index), new Counter32(0));
    out.put(MibOids.cell(e, 51, index), new Integer32(STATUS_ACTIVE));
    endPoints(c, index, out);
    spi(index, 1, SPI_IN, c.inbound().spi(), out);
    spi(index, 2, SPI_OUT, c.outbound().spi(), out);

    totals.ipsecActive++;
  }

  /** The one end-point row of the tunnel: GRE between the two tunnel addresses. */
  private static void endPoints(CryptoSnapshot c, int index, Map<OID, Variable> out) {
    OID ep = MibOids.CIPSEC_END_PT_ENTRY;
    out.put(MibOids.cell(ep, 2, index, 1), new OctetString(""));
    out.put(MibOids.cell(ep, 3, index, 1), new Integer32(END_PT_SINGLE));
    out.put(MibOids.cell(ep, 4, index, 1), ipsAddress(c.localAddress()));
    out.put(MibOids.cell(ep, 5, index, 1), ipsAddress(c.localAddress()));
    out.put(MibOids.cell(ep, 6, index, 1), new Integer32(PROTO_GRE));
    out.put(MibOids.cell(ep, 7, index, 1), new Integer32(0));
    out.put(MibOids.cell(ep, 8, index, 1), new OctetString(""));
    out.put(MibOids.cell(ep, 9, index, 1), new Integer32(END_PT_SINGLE));
    out.put(MibOids.cell(ep, 10, index, 1), ipsAddress(c.peerAddress()));
    out.put(MibOids.cell(ep, 11, index, 1), ipsAddress(c.peerAddress()));
    out.put(MibOids.cell(ep, 12, index, 1), new Integer32(PROTO_GRE));
    out.put(MibOids.cell(ep, 13, index, 1), new Integer32(0));
  }

  private static void spi(int tunnel, int row, int direction, long spi, Map<OID, Variable> out) {
    OID e = MibOids.CIPSEC_SPI_ENTRY;
    out.put(MibOids.cell(e, 2, tunnel, row), new Integer32(direction));
    out.put(MibOids.cell(e, 3, tunnel, row), new UnsignedInteger32(spi));
    out.put(MibOids.cell(e, 4, tunnel, row), new Integer32(SPI_ESP));
    out.put(MibOids.cell(e, 5, tunnel, row), new Integer32(STATUS_ACTIVE));
  }

  /** The 32-bit counter, its 64-bit twin and the wrap count, in three consecutive columns. */
  private static void octets(
      OID entry, int column, int index, long octets, Map<OID, Variable> out) {
    out.put(MibOids.cell(entry, column, index), InterfaceTables.counter32(octets));
    out.put(MibOids.cell(entry, column + 1, index), new Counter64(octets));
    out.put(MibOids.cell(entry, column + 2, index), InterfaceTables.counter32(octets >>> 32));
  }

  private static void ikeGlobals(FailureState f, Totals t, Map<OID, Variable> out) {
    OID g = MibOids.CIKE_GLOBAL_STATS;
    // PreviousTunnels (.2) and InitTunnels (.19) are left out: the simulation keeps no history of
    // sessions since boot, and a made-up counter that drops when a tunnel goes down is worse.
    out.put(MibOids.cell(g, 1, 0), new Gauge32(t.ikeActive));
    for (int column = 3; column <= 18; column++) {
      out.put(MibOids.cell(g, column, 0), new Counter32(0));
    }
    out.put(MibOids.cell(g, 20, 0), InterfaceTables.counter32(f.ikeInitTunnelFails()));
    out.put(MibOids.cell(g, 21, 0), InterfaceTables.counter32(f.ikeRespTunnelFails()));
    out.put(MibOids.cell(g, 22, 0), new Counter32(0));
    out.put(MibOids.cell(g, 23, 0), InterfaceTables.counter32(f.ikeAuthFails()));
    out.put(MibOids.cell(g, 24, 0), new Counter32(0));
    out.put(MibOids.cell(g, 25, 0), new Counter32(0));
    out.put(MibOids.cell(g, 26, 0), InterfaceTables.counter32(f.ikeNoSaFails()));
  }

  private static void ipsecGlobals(FailureState f, Totals t, Map<OID, Variable> out) {
    OID g = MibOids.CIPSEC_GLOBAL_STATS;
    out.put(MibOids.cell(g, 1, 0), new Gauge32(t.ipsecActive));
    globalOctets(g, 3, t.inOctets, out);
    globalOctets(g, 6, t.inOctets, out);
    out.put(MibOids.cell(g, 9, 0), InterfaceTables.counter32(t.inPkts));
    out.put(MibOids.cell(g, 10, 0), new Counter32(0));
    out.put(MibOids.cell(g, 11, 0), new Counter32(0));
    out.put(MibOids.cell(g, 12, 0), InterfaceTables.counter32(t.inPkts));
    out.put(MibOids.cell(g, 13, 0), new Counter32(0));
    out.put(MibOids.cell(g, 14, 0), InterfaceTables.counter32(t.inPkts));
    out.put(MibOids.cell(g, 15, 0), new Counter32(0));
    globalOctets(g, 16, t.outOctets, out);
    globalOctets(g, 19, t.outOctets, out);
    out.put(MibOids.cell(g, 22, 0), InterfaceTables.counter32(t.outPkts));
    out.put(MibOids.cell(g, 23, 0), new Counter32(0));
    out.put(MibOids.cell(g, 24, 0), InterfaceTables.counter32(t.outPkts));
    out.put(MibOids.cell(g, 25, 0), new Counter32(0));
    out.put(MibOids.cell(g, 26, 0), InterfaceTables.counter32(t.outPkts));
    out.put(MibOids.cell(g, 27, 0), new Counter32(0));
    out.put(MibOids.cell(g, 28, 0), InterfaceTables.counter32(f.ipsecProtocolUseFails()));
    out.put(MibOids.cell(g, 29, 0), InterfaceTables.counter32(f.ipsecNoSaFails()));
    out.put(MibOids.cell(g, 30, 0), new Counter32(0));
  }

  private static void globalOctets(OID g, int column, long octets, Map<OID, Variable> out) {
    out.put(MibOids.cell(g, column, 0), InterfaceTables.counter32(octets));
    out.put(MibOids.cell(g, column + 1, 0), new Counter64(octets));
    out.put(MibOids.cell(g, column + 2, 0), InterfaceTables.counter32(octets >>> 32));
  }

  private static void failureTables(FailureState f, Map<OID, Variable> out) {
    OID ike = MibOids.CIKE_FAIL_ENTRY;
    for (FailureState.Phase1Failure r : f.phase1()) {
      int i = r.index();
      out.put(MibOids.cell(ike, 2, i), new Integer32(r.reason()));
      out.put(MibOids.cell(ike, 3, i), SystemGroup.ticks(r.atUptime()));
      out.put(MibOids.cell(ike, 4, i), new Integer32(PEER_TYPE_IP));
      out.put(MibOids.cell(ike, 5, i), new OctetString(r.localAddress()));
      out.put(MibOids.cell(ike, 6, i), new Integer32(PEER_TYPE_IP));
      out.put(MibOids.cell(ike, 7, i), new OctetString(r.remoteAddress()));
      out.put(MibOids.cell(ike, 8, i), ipsAddress(r.localAddress()));
      out.put(MibOids.cell(ike, 9, i), ipsAddress(r.remoteAddress()));
    }
    OID esp = MibOids.CIPSEC_FAIL_ENTRY;
    for (FailureState.Phase2Failure r : f.phase2()) {
      int i = r.index();
      out.put(MibOids.cell(esp, 2, i), new Integer32(r.reason()));
      out.put(MibOids.cell(esp, 3, i), SystemGroup.ticks(r.atUptime()));
      out.put(MibOids.cell(esp, 4, i), new Integer32(r.tunnelIndex()));
      // The MIB types the SPI as Integer32 (0..2147483647): larger SPIs cannot be shown as such.
      out.put(MibOids.cell(esp, 5, i), new Integer32((int) (r.spi() & 0x7FFF_FFFFL)));
      out.put(MibOids.cell(esp, 6, i), ipsAddress(r.sourceAddress()));
      out.put(MibOids.cell(esp, 7, i), ipsAddress(r.destinationAddress()));
    }
  }

  /** IPSIpAddress: the 4 (IPv4) or 16 (IPv6) address bytes as an OCTET STRING. */
  static OctetString ipsAddress(String address) {
    return new OctetString(new IpAddress(address).toByteArray());
  }

  private static OID lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    OID oid = new OID();
    oid.append(bytes.length);
    for (byte b : bytes) {
      oid.append(b & 0xFF);
    }
    return oid;
  }
}
