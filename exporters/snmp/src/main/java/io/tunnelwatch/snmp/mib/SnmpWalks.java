package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.snmp.VarBind;
import java.util.List;
import java.util.Objects;

/**
 * What one poll fetched from a device, table by table: the input of {@link SnmpSnapshotReader}. A
 * list is empty when the device serves nothing there.
 *
 * @param sysUpTime the {@code sysUpTime.0} varbind
 * @param ikeGlobalStats walk of {@code cikeGlobalStats}
 * @param ikeTunnels the columns read of {@code cikeTunnelTable}
 * @param ipsecGlobalStats walk of {@code cipSecGlobalStats}
 * @param ipsecTunnels the columns read of {@code cipSecTunnelTable}
 * @param ipsecEndpoints the columns read of {@code cipSecEndPtTable}
 * @param ipsecSpis the columns read of {@code cipSecSpiTable}
 * @param ikeFailures the columns read of {@code cikeFailTable}
 * @param ipsecFailures the columns read of {@code cipSecFailTable}
 * @param cpu walks of the {@code cpmCPUTotalTable} columns
 * @param interfaces {@code ifTable}, {@code ifXTable} and {@code tunnelIfTable} varbinds of the
 *     tunnel interfaces (and the {@code ifType} column of every interface)
 */
public record SnmpWalks(
    VarBind sysUpTime,
    List<VarBind> ikeGlobalStats,
    List<VarBind> ikeTunnels,
    List<VarBind> ipsecGlobalStats,
    List<VarBind> ipsecTunnels,
    List<VarBind> ipsecEndpoints,
    List<VarBind> ipsecSpis,
    List<VarBind> ikeFailures,
    List<VarBind> ipsecFailures,
    List<VarBind> cpu,
    List<VarBind> interfaces) {

  public SnmpWalks {
    Objects.requireNonNull(sysUpTime, "sysUpTime");
    ikeGlobalStats = List.copyOf(ikeGlobalStats);
    ikeTunnels = List.copyOf(ikeTunnels);
    ipsecGlobalStats = List.copyOf(ipsecGlobalStats);
    ipsecTunnels = List.copyOf(ipsecTunnels);
    ipsecEndpoints = List.copyOf(ipsecEndpoints);
    ipsecSpis = List.copyOf(ipsecSpis);
    ikeFailures = List.copyOf(ikeFailures);
    ipsecFailures = List.copyOf(ipsecFailures);
    cpu = List.copyOf(cpu);
    interfaces = List.copyOf(interfaces);
  }
}
