package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one conceptual table, grouped from varbinds {@code entry.column.index}. Varbinds of
 * other subtrees are ignored (a walk may be handed in whole) and exception values ({@code
 * noSuchInstance} from a GET) leave the column out of the row.
 */
final class MibTable {

  private final String name;
  private final Map<Oid, Map<Integer, SnmpValue>> rows = new TreeMap<>();

  private MibTable(String name) {
    this.name = name;
  }

  static MibTable of(String name, Oid entry, Collection<VarBind> varbinds) {
    MibTable table = new MibTable(name);
    for (VarBind vb : varbinds) {
      if (!vb.oid().startsWith(entry)
          || vb.oid().size() < entry.size() + 2
          || vb.value() instanceof SnmpValue.Absent) {
        continue;
      }
      int column = (int) vb.oid().arc(entry.size());
      Oid index = vb.oid().suffixAfter(entry.append(column));
      table.rows.computeIfAbsent(index, i -> new TreeMap<>()).put(column, vb.value());
    }
    return table;
  }

  /** Rows in index order, each reporting its problems to {@code warnings}. */
  List<MibRow> rows(List<MibWarning> warnings) {
    List<MibRow> result = new ArrayList<>(rows.size());
    rows.forEach((index, columns) -> result.add(new MibRow(name, index, columns, warnings)));
    return result;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }
}
