package io.tunnelwatch.snmp;

import java.util.Objects;

/** One object instance and its value, as an agent returned it. */
public record VarBind(Oid oid, SnmpValue value) {
  public VarBind {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(value, "value");
  }
}
