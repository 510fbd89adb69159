package io.tunnelwatch.snmp.netsnmp;

import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import java.util.HexFormat;

/** Renders varbinds the way snmpd's pass_persist and override directives take them. */
final class PassPersistData {

  private PassPersistData() {}

  /** One {@code OID TYPE VALUE} line of the data file the pass_persist helper serves. */
  static String line(VarBind vb) {
    return vb.oid() + " " + typeAndValue(vb.value());
  }

  private static String typeAndValue(SnmpValue v) {
    if (v instanceof SnmpValue.Integer32 i) {
      return "integer " + i.value();
    }
    if (v instanceof SnmpValue.Counter32 c) {
      return "counter " + c.value();
    }
    if (v instanceof SnmpValue.Gauge32 g) {
      return "gauge " + g.value();
    }
    if (v instanceof SnmpValue.TimeTicks t) {
      return "timeticks " + t.hundredths();
    }
    if (v instanceof SnmpValue.Counter64 c) {
      return "counter64 " + Long.toUnsignedString(c.value());
    }
    if (v instanceof SnmpValue.OctetString s) {
      // pass_persist octets: space-separated hex
      return "octet " + HexFormat.ofDelimiter(" ").formatHex(s.bytes());
    }
    if (v instanceof SnmpValue.IpAddress ip) {
      return "ipaddress " + ip.address();
    }
    throw new IllegalArgumentException("no pass_persist type for " + v);
  }

  /** An {@code override} line for an IF-MIB instance the host does not have. */
  static String override(VarBind vb) {
    SnmpValue v = vb.value();
    if (v instanceof SnmpValue.Integer32 i) {
      return "override ." + vb.oid() + " integer " + i.value();
    }
    if (v instanceof SnmpValue.Counter32 c) {
      return "override ." + vb.oid() + " counter " + c.value();
    }
    if (v instanceof SnmpValue.OctetString s) {
      return "override ." + vb.oid() + " octet_str \"" + s.text() + "\"";
    }
    throw new IllegalArgumentException("no override type for " + v);
  }
}
