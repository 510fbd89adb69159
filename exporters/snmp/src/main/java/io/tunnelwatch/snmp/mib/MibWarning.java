package io.tunnelwatch.snmp.mib;

/**
 * A row or value a MIB reader could not use, and what it did instead (skipped the row, left a field
 * empty). Readers never turn a bad value into a zero.
 *
 * @param table the MIB table or group, e.g. {@code cipSecTunnelTable}
 * @param index the row index in dotted form, empty for scalars and whole-table problems
 * @param message what was wrong, naming the column and what was expected
 */
public record MibWarning(String table, String index, String message) {
  @Override
  public String toString() {
    return table + (index.isEmpty() ? "" : "[" + index + "]") + ": " + message;
  }
}
