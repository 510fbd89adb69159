package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.FailureCounters;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code cikeGlobalStats} + {@code cipSecGlobalStats} → {@link FailureCounters}.
 *
 * <p>Phase 1: {@code cikeGlobalInitTunnelFails} (.20) + {@code RespTunnelFails} (.21) + {@code
 * AuthFails} (.23) + {@code NoSaFails} (.26). Phase 2: {@code cipSecGlobalProtocolUseFails} (.28) +
 * {@code InAuthFails} (.13) + {@code OutAuthFails} (.25) + {@code InDecryptFails} (.15) + {@code
 * NoSaFails} (.29). A sum with a part missing is left empty with a warning, since a partial sum
 * would read as a counter reset later.
 */
public final class FailureCounterReader {

  private static final int[] PHASE1 = {20, 21, 23, 26};
  private static final int[] PHASE2 = {28, 13, 25, 15, 29};

  private FailureCounterReader() {}

  public static MibRead<FailureCounters> read(
      List<VarBind> cikeGlobalStats, List<VarBind> cipSecGlobalStats) {
    List<MibWarning> warnings = new ArrayList<>();
    OptionalLong phase1 =
        sum("cikeGlobalStats", MibOids.CIKE_GLOBAL_STATS, cikeGlobalStats, PHASE1, warnings);
    OptionalLong phase2 =
        sum("cipSecGlobalStats", MibOids.CIPSEC_GLOBAL_STATS, cipSecGlobalStats, PHASE2, warnings);
    return new MibRead<>(new FailureCounters(phase1, phase2), warnings);
  }

  private static OptionalLong sum(
      String group, Oid root, List<VarBind> varbinds, int[] columns, List<MibWarning> warnings) {
    if (varbinds.isEmpty()) {
      warnings.add(
          new MibWarning(group, "", "not served by the device; failure counter left empty"));
      return OptionalLong.empty();
    }
    List<MibRow> rows = MibTable.of(group, root, varbinds).rows(warnings);
    Optional<MibRow> scalars = rows.stream().filter(r -> r.index().equals(Oid.of(0))).findFirst();
    if (scalars.isEmpty()) {
      warnings.add(
          new MibWarning(group, "", "no scalar instances (.N.0); failure counter left empty"));
      return OptionalLong.empty();
    }
    long total = 0;
    for (int column : columns) {
      OptionalLong value = scalars.get().requireUnsigned(column, group + "." + column);
      if (value.isEmpty()) {
        warnings.add(
            new MibWarning(group, "", "failure counter left empty: ." + column + " unusable"));
        return OptionalLong.empty();
      }
      total += value.getAsLong();
    }
    return OptionalLong.of(total);
  }
}
