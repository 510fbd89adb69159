package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code cpmCPUTotal5secRev/1minRev/5minRev} → {@link CpuLoad}. A router with several CPU rows
 * (route processor, line cards) reports the first complete row: the one with the lowest {@code
 * cpmCPUTotalIndex}, which is the route processor that {@code show processes cpu} shows.
 */
public final class CpuReader {

  static final String TABLE = "cpmCPUTotalTable";

  private CpuReader() {}

  public static MibRead<Optional<CpuLoad>> read(List<VarBind> cpmCpuTotal) {
    List<MibWarning> warnings = new ArrayList<>();
    for (MibRow row : MibTable.of(TABLE, MibOids.CPM_CPU_TOTAL_ENTRY, cpmCpuTotal).rows(warnings)) {
      OptionalLong five = percent(row, 6, "cpmCPUTotal5secRev");
      OptionalLong one = percent(row, 7, "cpmCPUTotal1minRev");
      OptionalLong fiveMin = percent(row, 8, "cpmCPUTotal5minRev");
      if (five.isPresent() && one.isPresent() && fiveMin.isPresent()) {
        return new MibRead<>(
            Optional.of(
                new CpuLoad(
                    five.getAsLong() / 100.0,
                    one.getAsLong() / 100.0,
                    fiveMin.getAsLong() / 100.0)),
            warnings);
      }
    }
    return new MibRead<>(Optional.empty(), warnings);
  }

  private static OptionalLong percent(MibRow row, int column, String name) {
    OptionalLong value = row.requireUnsigned(column, name);
    if (value.isPresent() && value.getAsLong() > 100) {
      row.warn(name + " is " + value.getAsLong() + ", expected a percentage 0..100");
      return OptionalLong.empty();
    }
    return value;
  }
}
