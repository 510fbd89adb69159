package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * IF-MIB {@code ifTable} / {@code ifXTable} and TUNNEL-MIB {@code tunnelIfTable} → one {@link
 * TunnelInterface} per interface of {@code ifType} tunnel (131), named by {@code ifDescr} (what IOS
 * calls it: {@code Tunnel10}). The varbinds of the three tables may come in one list, from walks or
 * GETs. Byte and packet counters prefer the 64-bit {@code ifXTable} columns.
 */
public final class TunnelInterfaceReader {

  private static final int IF_DESCR = 2;
  private static final int IF_TYPE = 3;
  private static final int IF_ADMIN = 7;
  private static final int IF_OPER = 8;
  private static final int UP = 1;

  private TunnelInterfaceReader() {}

  public static MibRead<List<TunnelInterface>> read(List<VarBind> interfaceVarbinds) {
    List<MibWarning> warnings = new ArrayList<>();
    Map<Oid, MibRow> ifX = byIndex("ifXTable", MibOids.IF_X_ENTRY, interfaceVarbinds, warnings);
    Map<Oid, MibRow> tun =
        byIndex("tunnelIfTable", MibOids.TUNNEL_IF_ENTRY, interfaceVarbinds, warnings);
    List<TunnelInterface> tunnels = new ArrayList<>();
    for (MibRow row : MibTable.of("ifTable", MibOids.IF_ENTRY, interfaceVarbinds).rows(warnings)) {
      OptionalInt type = row.integer(IF_TYPE, "ifType");
      if (type.isEmpty() || type.getAsInt() != MibOids.IF_TYPE_TUNNEL) {
        continue;
      }
      Optional<String> name = row.requireText(IF_DESCR, "ifDescr");
      OptionalInt admin = row.requireInteger(IF_ADMIN, "ifAdminStatus");
      OptionalInt oper = row.requireInteger(IF_OPER, "ifOperStatus");
      if (name.isEmpty() || name.get().isEmpty() || admin.isEmpty() || oper.isEmpty()) {
        row.warn("tunnel interface skipped: ifDescr, ifAdminStatus and ifOperStatus are required");
        continue;
      }
      MibRow x = ifX.get(row.index());
      MibRow t = tun.get(row.index());
      String source = "";
      String destination = "";
      String mode = "unknown";
      if (t == null) {
        row.warn("no tunnelIfTable row: tunnel source, destination and mode unknown");
      } else {
        source =
            t.address(9, "tunnelIfLocalInetAddress")
                .or(() -> t.address(1, "tunnelIfLocalAddress"))
                .orElse("");
        destination =
            t.address(10, "tunnelIfRemoteInetAddress")
                .or(() -> t.address(2, "tunnelIfRemoteAddress"))
                .orElse("");
        mode = mode(t.integer(3, "tunnelIfEncapsMethod"), t.integer(8, "tunnelIfAddressType"));
      }
      tunnels.add(
          new TunnelInterface(
              name.get(),
              admin.getAsInt() == UP,
              oper.getAsInt() == UP,
              source,
              destination,
              mode,
              new InterfaceCounters(
                  counter(row, 11, "ifInUcastPkts", x, 7, "ifHCInUcastPkts"),
                  counter(row, 10, "ifInOctets", x, 6, "ifHCInOctets"),
                  counter(row, 17, "ifOutUcastPkts", x, 11, "ifHCOutUcastPkts"),
                  counter(row, 16, "ifOutOctets", x, 10, "ifHCOutOctets"),
                  row.requireUnsigned(14, "ifInErrors"),
                  row.requireUnsigned(20, "ifOutErrors"),
                  row.requireUnsigned(13, "ifInDiscards"),
                  row.requireUnsigned(19, "ifOutDiscards"))));
    }
    return new MibRead<>(tunnels, warnings);
  }

  private static Map<Oid, MibRow> byIndex(
      String name, Oid entry, List<VarBind> varbinds, List<MibWarning> warnings) {
    return MibTable.of(name, entry, varbinds).rows(warnings).stream()
        .collect(Collectors.toMap(MibRow::index, Function.identity()));
  }

  /** The 64-bit column when present, else the 32-bit one, else empty with a warning. */
  private static OptionalLong counter(
      MibRow ifRow, int column, String name, @Nullable MibRow ifXRow, int hcColumn, String hcName) {
    if (ifXRow != null && ifXRow.has(hcColumn)) {
      return ifXRow.unsigned(hcColumn, hcName);
    }
    if (ifRow.has(column)) {
      return ifRow.unsigned(column, name);
    }
    ifRow.warn(hcName + " and " + name + " missing");
    return OptionalLong.empty();
  }

  /** As IOS words the tunnel protocol/transport where it can, else the IANAtunnelType name. */
  static String mode(OptionalInt encaps, OptionalInt addressType) {
    String transport = addressType.isPresent() && addressType.getAsInt() == 2 ? "IPv6" : "IP";
    if (encaps.isEmpty()) {
      return "unknown";
    }
    switch (encaps.getAsInt()) {
      case 1:
        return "other";
      case 2:
        return "IP/" + transport;
      case 3:
        return "GRE/" + transport;
      case 4:
        return "minimal";
      case 5:
        return "l2tp";
      case 6:
        return "pptp";
      case 7:
        return "l2f";
      case 8:
        return "udp";
      case 11:
        return "IPv6/IP";
      default:
        return "encaps(" + encaps.getAsInt() + ")";
    }
  }
}
