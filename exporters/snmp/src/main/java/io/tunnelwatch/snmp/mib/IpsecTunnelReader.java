package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code cipSecTunnelTable} + {@code cipSecEndPtTable} + {@code cipSecSpiTable} → one {@link
 * IpsecFlow} per peer and traffic-selector pair.
 *
 * <p>The flow's identity is its peer ({@code cipSecTunRemoteAddr}) and selectors (the endpoint row
 * of the same {@code cipSecTunIndex}), never the row index, which changes on every rekey. A tunnel
 * without an endpoint row cannot be labelled and is skipped with a warning. When rekeying leaves
 * two rows for one flow, the active one that has existed for the shortest time wins.
 *
 * <p>The MIB does not say which interface carries a flow, so {@code interfaceName} is empty; the
 * CLI fills it in when both sources are merged.
 */
public final class IpsecTunnelReader {

  static final String TABLE = "cipSecTunnelTable";

  private IpsecTunnelReader() {}

  public static MibRead<List<IpsecFlow>> read(
      List<VarBind> cipSecTunnelTable,
      List<VarBind> cipSecEndPtTable,
      List<VarBind> cipSecSpiTable) {
    List<MibWarning> warnings = new ArrayList<>();
    MibRead<Map<Long, EndpointReader.Selectors>> endpoints = EndpointReader.read(cipSecEndPtTable);
    MibRead<Map<Long, SpiReader.TunnelSpis>> spis = SpiReader.read(cipSecSpiTable);
    warnings.addAll(endpoints.warnings());
    warnings.addAll(spis.warnings());
    boolean deviceHasSpiTable = !cipSecSpiTable.isEmpty();

    Map<String, IpsecFlow> byIdentity = new LinkedHashMap<>();
    for (MibRow row :
        MibTable.of(TABLE, MibOids.CIPSEC_TUNNEL_ENTRY, cipSecTunnelTable).rows(warnings)) {
      Optional<String> peer = row.requireAddress(5, "cipSecTunRemoteAddr");
      if (peer.isEmpty()) {
        row.warn("row skipped: no usable peer address");
        continue;
      }
      EndpointReader.Selectors selectors = endpoints.value().get(row.firstIndex());
      if (selectors == null) {
        row.warn(
            "row skipped: no cipSecEndPtTable row, so the flow (traffic selectors) is unknown");
        continue;
      }
      OptionalInt status = row.requireInteger(51, "cipSecTunStatus");
      boolean active = status.isPresent() && status.getAsInt() == TunnelStatusNames.ACTIVE;
      SpiReader.TunnelSpis tunnelSpis = spis.value().get(row.firstIndex());
      Optional<SpiPair> pair = tunnelSpis == null ? Optional.empty() : tunnelSpis.pair();
      // Without any SPI rows on the device (an agent that leaves the table out) the status decides.
      boolean up = active && (deviceHasSpiTable ? pair.isPresent() : true);
      OptionalLong lifetime = row.requireUnsigned(9, "cipSecTunLifeTime");
      OptionalLong activeHundredths = row.requireUnsigned(10, "cipSecTunActiveTime");
      OptionalLong activeSeconds =
          activeHundredths.isPresent()
              ? OptionalLong.of(activeHundredths.getAsLong() / 100)
              : OptionalLong.empty();
      IpsecFlow flow =
          new IpsecFlow(
              peer.get(),
              selectors.flowLabel(),
              "",
              up,
              pair,
              Lifetimes.remaining(lifetime, activeSeconds),
              counters(row),
              activeSeconds);
      byIdentity.merge(peer.get() + "\u0000" + flow.flow(), flow, IpsecTunnelReader::newer);
    }
    return new MibRead<>(List.copyOf(byIdentity.values()), warnings);
  }

  private static IpsecCounters counters(MibRow row) {
    return new IpsecCounters(
        row.requireUnsigned(45, "cipSecTunOutPkts"),
        row.requireUnsigned(49, "cipSecTunOutEncrypts"),
        row.requireUnsigned(32, "cipSecTunInPkts"),
        row.requireUnsigned(37, "cipSecTunInDecrypts"),
        Octets.highCapacity(row, 27, 26, 28, "cipSecTunHcInOctets"),
        Octets.highCapacity(row, 40, 39, 41, "cipSecTunHcOutOctets"),
        row.requireUnsigned(46, "cipSecTunOutDropPkts"),
        row.requireUnsigned(33, "cipSecTunInDropPkts"),
        row.requireUnsigned(34, "cipSecTunInReplayDropPkts"),
        sum(
            row.requireUnsigned(36, "cipSecTunInAuthFails"),
            row.requireUnsigned(48, "cipSecTunOutAuthFails")),
        row.requireUnsigned(38, "cipSecTunInDecryptFails"),
        row.requireUnsigned(50, "cipSecTunOutEncryptFails"));
  }

  /** Both or nothing: half a sum would look like a counter reset. */
  static OptionalLong sum(OptionalLong a, OptionalLong b) {
    return a.isPresent() && b.isPresent()
        ? OptionalLong.of(a.getAsLong() + b.getAsLong())
        : OptionalLong.empty();
  }

  private static IpsecFlow newer(IpsecFlow a, IpsecFlow b) {
    if (a.up() != b.up()) {
      return a.up() ? a : b;
    }
    long ageA = a.activeSeconds().orElse(Long.MAX_VALUE);
    long ageB = b.activeSeconds().orElse(Long.MAX_VALUE);
    return ageB < ageA ? b : a;
  }
}
