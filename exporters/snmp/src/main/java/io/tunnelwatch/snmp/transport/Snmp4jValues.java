package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Converts SNMP4J's types to the project's own, at the edge of the transport. */
public final class Snmp4jValues {

  private Snmp4jValues() {}

  public static VarBind toVarBind(VariableBinding vb) {
    return new VarBind(toOid(vb.getOid()), toValue(vb.getVariable()));
  }

  public static Oid toOid(OID oid) {
    return Oid.of(oid.getValue());
  }

  public static OID toOid(Oid oid) {
    return new OID(oid.arcs());
  }

  public static SnmpValue toValue(Variable v) {
    switch (v.getSyntax()) {
      case SMIConstants.SYNTAX_INTEGER:
        return new SnmpValue.Integer32(v.toInt());
      case SMIConstants.SYNTAX_COUNTER32:
        return new SnmpValue.Counter32(v.toLong());
      case SMIConstants.SYNTAX_GAUGE32:
        return new SnmpValue.Gauge32(v.toLong());
      case SMIConstants.SYNTAX_TIMETICKS:
        return new SnmpValue.TimeTicks(v.toLong());
      case SMIConstants.SYNTAX_COUNTER64:
        return new SnmpValue.Counter64(((Counter64) v).getValue());
      case SMIConstants.SYNTAX_OCTET_STRING:
        return new SnmpValue.OctetString(((OctetString) v).getValue());
      case SMIConstants.SYNTAX_IPADDRESS:
        return new SnmpValue.IpAddress(((IpAddress) v).getInetAddress().getHostAddress());
      case SMIConstants.SYNTAX_OBJECT_IDENTIFIER:
        return new SnmpValue.ObjectId(toOid((OID) v));
      case SMIConstants.SYNTAX_NULL:
        return SnmpValue.Absent.NULL;
      case SMIConstants.EXCEPTION_NO_SUCH_OBJECT:
        return SnmpValue.Absent.NO_SUCH_OBJECT;
      case SMIConstants.EXCEPTION_NO_SUCH_INSTANCE:
        return SnmpValue.Absent.NO_SUCH_INSTANCE;
      case SMIConstants.EXCEPTION_END_OF_MIB_VIEW:
        return SnmpValue.Absent.END_OF_MIB_VIEW;
      default:
        return new SnmpValue.Other(v.getSyntaxString(), v.toString());
    }
  }
}
