package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * IF-MIB {@code ifTable}/{@code ifXTable} and TUNNEL-MIB {@code tunnelIfTable}. ifIndex is the
 * interface's position in {@code show interfaces} order, starting at 1.
 */
final class InterfaceTables {
  static final int IF_TYPE_ETHERNET = 6;
  static final int IF_TYPE_TUNNEL = 131;
  static final int OPER_UP = 1;
  static final int OPER_DOWN = 2;
  private static final int TUNNEL_ENCAPS_GRE = 2;
  private static final int TUNNEL_SECURITY_NONE = 1;
  private static final int TRUE = 1;
  private static final int FALSE = 2;

  private InterfaceTables() {}

  static void write(RouterSnapshot s, Map<OID, Variable> out) {
    List<InterfaceSnapshot> interfaces = s.interfaces();
    out.put(MibOids.IF_NUMBER, new Integer32(interfaces.size()));
    for (int n = 0; n < interfaces.size(); n++) {
      InterfaceSnapshot i = interfaces.get(n);
      int index = n + 1;
      ifEntry(i, index, out);
      ifXEntry(i, index, out);
      if (i.isTunnel()) {
        tunnelEntry(i, index, out);
      }
    }
  }

  private static void ifEntry(InterfaceSnapshot i, int index, Map<OID, Variable> out) {
    OID e = MibOids.IF_ENTRY;
    boolean tunnel = i.isTunnel();
    out.put(MibOids.cell(e, 1, index), new Integer32(index));
    out.put(MibOids.cell(e, 2, index), new OctetString(i.name()));
    out.put(MibOids.cell(e, 3, index), new Integer32(tunnel ? IF_TYPE_TUNNEL : IF_TYPE_ETHERNET));
    out.put(MibOids.cell(e, 4, index), new Integer32(tunnel ? 17916 : 1500));
    out.put(MibOids.cell(e, 5, index), new Gauge32(tunnel ? 100_000 : 1_000_000_000L));
    out.put(MibOids.cell(e, 6, index), physAddress(i.mac()));
    out.put(MibOids.cell(e, 7, index), new Integer32(OPER_UP));
    out.put(MibOids.cell(e, 8, index), new Integer32(i.lineUp() ? OPER_UP : OPER_DOWN));
    out.put(MibOids.cell(e, 9, index), new TimeTicks(0));
    out.put(MibOids.cell(e, 10, index), counter32(i.bytesIn()));
    out.put(MibOids.cell(e, 11, index), counter32(i.packetsIn() - i.broadcastsIn()));
    out.put(MibOids.cell(e, 12, index), counter32(i.broadcastsIn()));
    out.put(MibOids.cell(e, 13, index), new Counter32(0));
    out.put(MibOids.cell(e, 14, index), new Counter32(0));
    out.put(MibOids.cell(e, 15, index), new Counter32(0));
    out.put(MibOids.cell(e, 16, index), counter32(i.bytesOut()));
    out.put(MibOids.cell(e, 17, index), counter32(i.packetsOut()));
    out.put(MibOids.cell(e, 18, index), new Counter32(0));
    out.put(MibOids.cell(e, 19, index), new Counter32(0));
    out.put(MibOids.cell(e, 20, index), new Counter32(0));
  }

  private static void ifXEntry(InterfaceSnapshot i, int index, Map<OID, Variable> out) {
    OID e = MibOids.IF_X_ENTRY;
    out.put(MibOids.cell(e, 1, index), new OctetString(shortName(i.name())));
    out.put(MibOids.cell(e, 2, index), new Counter32(0));
    out.put(MibOids.cell(e, 3, index), counter32(i.broadcastsIn()));
    out.put(MibOids.cell(e, 4, index), new Counter32(0));
    out.put(MibOids.cell(e, 5, index), new Counter32(0));
    out.put(MibOids.cell(e, 6, index), new Counter64(i.bytesIn()));
    out.put(MibOids.cell(e, 7, index), new Counter64(i.packetsIn() - i.broadcastsIn()));
    out.put(MibOids.cell(e, 8, index), new Counter64(0));
    out.put(MibOids.cell(e, 9, index), new Counter64(i.broadcastsIn()));
    out.put(MibOids.cell(e, 10, index), new Counter64(i.bytesOut()));
    out.put(MibOids.cell(e, 11, index), new Counter64(i.packetsOut()));
    out.put(MibOids.cell(e, 12, index), new Counter64(0));
    out.put(MibOids.cell(e, 13, index), new Counter64(0));
    out.put(MibOids.cell(e, 14, index), new Integer32(TRUE));
    out.put(MibOids.cell(e, 15, index), new Gauge32(i.isTunnel() ? 0 : 1000));
    out.put(MibOids.cell(e, 16, index), new Integer32(FALSE));
    out.put(MibOids.cell(e, 17, index), new Integer32(i.isTunnel() ? FALSE : TRUE));
    out.put(MibOids.cell(e, 18, index), new OctetString(""));
    out.put(MibOids.cell(e, 19, index), new TimeTicks(0));
  }

  private static void tunnelEntry(InterfaceSnapshot i, int index, Map<OID, Variable> out) {
    OID e = MibOids.TUNNEL_IF_ENTRY;
    out.put(MibOids.cell(e, 1, index), new IpAddress(i.tunnel().source()));
    out.put(MibOids.cell(e, 2, index), new IpAddress(i.tunnel().destination()));
    out.put(MibOids.cell(e, 3, index), new Integer32(TUNNEL_ENCAPS_GRE));
    out.put(MibOids.cell(e, 4, index), new Integer32(255));
    out.put(MibOids.cell(e, 5, index), new Integer32(TUNNEL_SECURITY_NONE));
    out.put(MibOids.cell(e, 6, index), new Integer32(-2));
  }

  /** {@code GigabitEthernet0/0} → {@code Gi0/0}, {@code Tunnel10} → {@code Tu10}, as IOS ifName. */
  static String shortName(String name) {
    int digit = 0;
    while (digit < name.length() && !Character.isDigit(name.charAt(digit))) {
      digit++;
    }
    return name.substring(0, Math.min(2, digit)) + name.substring(digit);
  }

  private static OctetString physAddress(String mac) {
    if (mac == null) {
      return new OctetString();
    }
    return new OctetString(HexFormat.of().parseHex(mac.replace(".", "")));
  }

  static Counter32 counter32(long value) {
    return new Counter32(value & 0xFFFF_FFFFL);
  }
}
