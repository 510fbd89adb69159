package io.tunnelwatch.snmp;

import static io.tunnelwatch.snmp.Vb.addr;
import static io.tunnelwatch.snmp.Vb.c32;
import static io.tunnelwatch.snmp.Vb.c64;
import static io.tunnelwatch.snmp.Vb.gauge;
import static io.tunnelwatch.snmp.Vb.integer;
import static io.tunnelwatch.snmp.Vb.text;
import static io.tunnelwatch.snmp.Vb.ticks;
import static io.tunnelwatch.snmp.Vb.vb;

import io.tunnelwatch.snmp.mib.MibOids;
import java.util.ArrayList;
import java.util.List;

/**
 * R1 of the reference topology as CISCO-IPSEC-FLOW-MONITOR-MIB, CISCO-PROCESS-MIB and TUNNEL-MIB
 * describe it: one IKE SA to 200.0.0.1, one IPsec flow (GRE between the public addresses) with
 * 64-bit octet counters beyond 2^32, one phase-1 and one phase-2 failure record.
 */
public final class ReferenceRouter {

  public static final long IN_OCTETS = 123_456_789_012L;
  public static final long OUT_OCTETS = 98_765_432_109L;
  public static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";

  private ReferenceRouter() {}

  /** Every object R1 serves, with {@code sysUpTime} at the given hundredths of a second. */
  public static List<VarBind> all(long uptimeHundredths) {
    List<VarBind> all = new ArrayList<>();
    all.add(new VarBind(MibOids.SYS_UP_TIME, ticks(uptimeHundredths)));
    all.add(new VarBind(Oid.parse("1.3.6.1.2.1.1.5.0"), text("R1")));
    all.addAll(ikeGlobalStats());
    all.addAll(ikeTunnels());
    all.addAll(ipsecGlobalStats());
    all.addAll(ipsecTunnels());
    all.addAll(ipsecEndpoints());
    all.addAll(ipsecSpis());
    all.addAll(ikeFailures());
    all.addAll(ipsecFailures());
    all.addAll(cpu());
    all.addAll(interfaces(7));
    return all;
  }

  public static List<VarBind> ikeGlobalStats() {
    Oid g = MibOids.CIKE_GLOBAL_STATS;
    return List.of(
        vb(g, 1, "0", gauge(1)),
        vb(g, 20, "0", c32(3)),
        vb(g, 21, "0", c32(4)),
        vb(g, 23, "0", c32(5)),
        vb(g, 26, "0", c32(6)));
  }

  public static List<VarBind> ipsecGlobalStats() {
    Oid g = MibOids.CIPSEC_GLOBAL_STATS;
    return List.of(
        vb(g, 13, "0", c32(1)),
        vb(g, 15, "0", c32(2)),
        vb(g, 25, "0", c32(3)),
        vb(g, 28, "0", c32(4)),
        vb(g, 29, "0", c32(5)));
  }

  public static List<VarBind> ikeTunnels() {
    Oid e = MibOids.CIKE_TUNNEL_ENTRY;
    return List.of(
        vb(e, 4, "1", addr("100.0.0.1")),
        vb(e, 8, "1", addr("200.0.0.1")),
        vb(e, 15, "1", integer(86400)),
        vb(e, 16, "1", ticks(360_000)),
        vb(e, 18, "1", c32(0)),
        vb(e, 35, "1", integer(1)));
  }

  public static List<VarBind> ipsecTunnels() {
    Oid e = MibOids.CIPSEC_TUNNEL_ENTRY;
    String i = "5";
    List<VarBind> list = new ArrayList<>();
    list.add(vb(e, 2, i, integer(1)));
    list.add(vb(e, 4, i, addr("100.0.0.1")));
    list.add(vb(e, 5, i, addr("200.0.0.1")));
    list.add(vb(e, 9, i, integer(3600)));
    list.add(vb(e, 10, i, ticks(60_000)));
    list.add(vb(e, 27, i, c64(IN_OCTETS)));
    list.add(vb(e, 32, i, c32(1_000)));
    list.add(vb(e, 33, i, c32(7)));
    list.add(vb(e, 34, i, c32(8)));
    list.add(vb(e, 36, i, c32(9)));
    list.add(vb(e, 37, i, c32(990)));
    list.add(vb(e, 38, i, c32(10)));
    list.add(vb(e, 40, i, c64(OUT_OCTETS)));
    list.add(vb(e, 45, i, c32(2_000)));
    list.add(vb(e, 46, i, c32(11)));
    list.add(vb(e, 48, i, c32(12)));
    list.add(vb(e, 49, i, c32(1_995)));
    list.add(vb(e, 50, i, c32(13)));
    list.add(vb(e, 51, i, integer(1)));
    return list;
  }

  public static List<VarBind> ipsecEndpoints() {
    Oid e = MibOids.CIPSEC_END_PT_ENTRY;
    String i = "5.1";
    return List.of(
        vb(e, 3, i, integer(1)),
        vb(e, 4, i, addr("100.0.0.1")),
        vb(e, 5, i, addr("100.0.0.1")),
        vb(e, 6, i, integer(47)),
        vb(e, 7, i, integer(0)),
        vb(e, 9, i, integer(1)),
        vb(e, 10, i, addr("200.0.0.1")),
        vb(e, 11, i, addr("200.0.0.1")),
        vb(e, 12, i, integer(47)),
        vb(e, 13, i, integer(0)));
  }

  public static List<VarBind> ipsecSpis() {
    Oid e = MibOids.CIPSEC_SPI_ENTRY;
    return List.of(
        vb(e, 2, "5.1", integer(1)),
        vb(e, 2, "5.2", integer(2)),
        vb(e, 3, "5.1", gauge(0x1F2E3D4CL)),
        vb(e, 3, "5.2", gauge(0xC3B3FC8CL)),
        vb(e, 4, "5.1", integer(2)),
        vb(e, 4, "5.2", integer(2)),
        vb(e, 5, "5.1", integer(1)),
        vb(e, 5, "5.2", integer(1)));
  }

  public static List<VarBind> ikeFailures() {
    Oid e = MibOids.CIKE_FAIL_ENTRY;
    return List.of(
        vb(e, 2, "17", integer(5)),
        vb(e, 3, "17", ticks(12_345)),
        vb(e, 8, "17", addr("100.0.0.1")),
        vb(e, 9, "17", addr("200.0.0.1")));
  }

  public static List<VarBind> ipsecFailures() {
    Oid e = MibOids.CIPSEC_FAIL_ENTRY;
    return List.of(
        vb(e, 2, "4", integer(4)), vb(e, 3, "4", ticks(23_456)), vb(e, 4, "4", integer(5)));
  }

  public static List<VarBind> cpu() {
    Oid e = MibOids.CPM_CPU_TOTAL_ENTRY;
    return List.of(vb(e, 6, "1", gauge(12)), vb(e, 7, "1", gauge(8)), vb(e, 8, "1", gauge(5)));
  }

  /** TUNNEL-MIB row of Tunnel10 at ifIndex {@code ifIndex}. */
  public static List<VarBind> tunnelIf(int ifIndex) {
    Oid e = MibOids.TUNNEL_IF_ENTRY;
    String i = Integer.toString(ifIndex);
    return List.of(
        vb(e, 3, i, integer(3)),
        vb(e, 8, i, integer(1)),
        vb(e, 9, i, addr("100.0.0.1")),
        vb(e, 10, i, addr("200.0.0.1")));
  }

  /** IF-MIB rows: GigabitEthernet0/0 (ethernet) at 1 and Tunnel10 at {@code ifIndex}. */
  public static List<VarBind> interfaces(int ifIndex) {
    Oid e = MibOids.IF_ENTRY;
    Oid x = MibOids.IF_X_ENTRY;
    String i = Integer.toString(ifIndex);
    List<VarBind> list = new ArrayList<>();
    list.add(vb(e, 2, "1", text("GigabitEthernet0/0")));
    list.add(vb(e, 3, "1", integer(6)));
    list.add(vb(e, 2, i, text("Tunnel10")));
    list.add(vb(e, 3, i, integer(131)));
    list.add(vb(e, 7, i, integer(1)));
    list.add(vb(e, 8, i, integer(1)));
    list.add(vb(e, 10, i, c32(1_000)));
    list.add(vb(e, 11, i, c32(100)));
    list.add(vb(e, 13, i, c32(2)));
    list.add(vb(e, 14, i, c32(3)));
    list.add(vb(e, 16, i, c32(2_000)));
    list.add(vb(e, 17, i, c32(200)));
    list.add(vb(e, 19, i, c32(4)));
    list.add(vb(e, 20, i, c32(5)));
    list.add(vb(x, 6, i, c64(5_000_000_000L)));
    list.add(vb(x, 7, i, c64(40_000_000L)));
    list.add(vb(x, 10, i, c64(6_000_000_000L)));
    list.add(vb(x, 11, i, c64(50_000_000L)));
    list.addAll(tunnelIf(ifIndex));
    return list;
  }
}
