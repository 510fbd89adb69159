package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.Map;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** SNMPv2-MIB {@code system}: what the router is, its name and how long it has been up. */
final class SystemGroup {
  /** The first lines of {@code show version}, as IOS puts them in sysDescr. */
  static final String DESCRIPTION =
      "Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.6(2)T,"
          + " RELEASE SOFTWARE (fc2)\r\n"
          + "Technical Support: http://www.cisco.com/techsupport\r\n"
          + "Copyright (c) 1986-2016 by Cisco Systems, Inc.\r\n"
          + "Compiled Tue 22-Mar-16 16:19 by prod_rel_team";

  private SystemGroup() {}

  static void write(RouterSnapshot s, Map<OID, Variable> out) {
    out.put(MibOids.SYS_DESCR, new OctetString(DESCRIPTION));
    out.put(MibOids.SYS_OBJECT_ID, MibOids.CISCO_IOSV);
    out.put(MibOids.SYS_UP_TIME, ticks(s.uptime()));
    out.put(MibOids.SYS_CONTACT, new OctetString(""));
    out.put(MibOids.SYS_NAME, new OctetString(s.hostname()));
    out.put(MibOids.SYS_LOCATION, new OctetString(s.config().site()));
  }

  /** Hundredths of a second, wrapping at 2^32 as TimeTicks do. */
  static TimeTicks ticks(java.time.Duration d) {
    return new TimeTicks((d.toMillis() / 10) & 0xFFFF_FFFFL);
  }
}
