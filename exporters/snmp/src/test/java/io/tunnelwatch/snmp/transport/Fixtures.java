package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** Turns the project's varbind fixtures into what a scripted SNMP4J agent serves. */
public final class Fixtures {

  private Fixtures() {}

  public static Map<OID, Variable> served(Collection<VarBind> varbinds) {
    Map<OID, Variable> map = new TreeMap<>();
    for (VarBind vb : varbinds) {
      map.put(Snmp4jValues.toOid(vb.oid()), variable(vb.value()));
    }
    return map;
  }

  public static Variable variable(SnmpValue v) {
    if (v instanceof SnmpValue.Integer32 i) {
      return new Integer32(i.value());
    }
    if (v instanceof SnmpValue.Counter32 c) {
      return new Counter32(c.value());
    }
    if (v instanceof SnmpValue.Gauge32 g) {
      return new Gauge32(g.value());
    }
    if (v instanceof SnmpValue.TimeTicks t) {
      return new TimeTicks(t.hundredths());
    }
    if (v instanceof SnmpValue.Counter64 c) {
      return new Counter64(c.value());
    }
    if (v instanceof SnmpValue.OctetString s) {
      return new OctetString(s.bytes());
    }
    if (v instanceof SnmpValue.IpAddress ip) {
      return new IpAddress(ip.address());
    }
    if (v instanceof SnmpValue.ObjectId o) {
      return Snmp4jValues.toOid(o.oid());
    }
    return Null.instance;
  }
}
