package io.tunnelwatch.lab.snmp;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * One SNMPv2 notification to send: its snmpTrapOID and the objects it carries (sysUpTime.0 and
 * snmpTrapOID.0 are added when it is sent).
 */
public record Notification(OID trap, List<VariableBinding> objects) {
  public Notification {
    trap = new OID(trap);
    objects = List.copyOf(objects);
  }
}
