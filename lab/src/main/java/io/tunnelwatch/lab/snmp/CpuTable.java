package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.CpuLoad;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.Map;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** CISCO-PROCESS-MIB {@code cpmCPUTotalTable}: one row (index 1) for the single route processor. */
final class CpuTable {
  private static final int ROW = 1;

  private CpuTable() {}

  static void write(RouterSnapshot s, Map<OID, Variable> out) {
    CpuLoad cpu = s.cpu();
    out.put(MibOids.cell(MibOids.CPM_CPU_TOTAL_ENTRY, 6, ROW), new Gauge32(cpu.fiveSecond()));
    out.put(MibOids.cell(MibOids.CPM_CPU_TOTAL_ENTRY, 7, ROW), new Gauge32(cpu.oneMinute()));
    out.put(MibOids.cell(MibOids.CPM_CPU_TOTAL_ENTRY, 8, ROW), new Gauge32(cpu.fiveMinute()));
  }
}
