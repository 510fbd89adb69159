package io.tunnelwatch.lab.snmp;

import org.snmp4j.smi.OID;

/** The numeric OIDs the lab serves and sends (docs/snmp.md; MIB texts in docs/mibs). */
final class MibOids {
  private MibOids() {}

  static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
  static final OID SYS_OBJECT_ID = new OID("1.3.6.1.2.1.1.2.0");
  static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
  static final OID SYS_CONTACT = new OID("1.3.6.1.2.1.1.4.0");
  static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
  static final OID SYS_LOCATION = new OID("1.3.6.1.2.1.1.6.0");

  /** ciscoIOSv: what an IOSv router reports as sysObjectID. */
  static final OID CISCO_IOSV = new OID("1.3.6.1.4.1.9.1.1041");

  static final OID IF_NUMBER = new OID("1.3.6.1.2.1.2.1.0");
  static final OID IF_ENTRY = new OID("1.3.6.1.2.1.2.2.1");
  static final OID IF_X_ENTRY = new OID("1.3.6.1.2.1.31.1.1.1");
  static final OID TUNNEL_IF_ENTRY = new OID("1.3.6.1.2.1.10.131.1.1.1.1");
  static final OID CPM_CPU_TOTAL_ENTRY = new OID("1.3.6.1.4.1.9.9.109.1.1.1.1");

  private static final String FLOW_MIB = "1.3.6.1.4.1.9.9.171";
  static final OID CIKE_GLOBAL_STATS = new OID(FLOW_MIB + ".1.2.1");
  static final OID CIKE_PEER_ENTRY = new OID(FLOW_MIB + ".1.2.2.1");
  static final OID CIKE_TUNNEL_ENTRY = new OID(FLOW_MIB + ".1.2.3.1");
  static final OID CIPSEC_GLOBAL_STATS = new OID(FLOW_MIB + ".1.3.1");
  static final OID CIPSEC_TUNNEL_ENTRY = new OID(FLOW_MIB + ".1.3.2.1");
  static final OID CIPSEC_END_PT_ENTRY = new OID(FLOW_MIB + ".1.3.3.1");
  static final OID CIPSEC_SPI_ENTRY = new OID(FLOW_MIB + ".1.3.4.1");
  static final OID CIKE_FAIL_ENTRY = new OID(FLOW_MIB + ".1.5.2.1.1");
  static final OID CIPSEC_FAIL_ENTRY = new OID(FLOW_MIB + ".1.5.3.1.1");

  // Notifications (SNMPv2 snmpTrapOID values).
  static final OID SNMP_TRAP_OID = new OID("1.3.6.1.6.3.1.1.4.1.0");
  private static final String FLOW_TRAPS = FLOW_MIB + ".2.0";
  static final OID CIKE_TUNNEL_START = new OID(FLOW_TRAPS + ".1");
  static final OID CIKE_TUNNEL_STOP = new OID(FLOW_TRAPS + ".2");
  static final OID CIKE_PROTOCOL_FAILURE = new OID(FLOW_TRAPS + ".5");
  static final OID CIPSEC_TUNNEL_START = new OID(FLOW_TRAPS + ".7");
  static final OID CIPSEC_TUNNEL_STOP = new OID(FLOW_TRAPS + ".8");
  static final OID CIPSEC_SETUP_FAILURE = new OID(FLOW_TRAPS + ".10");
  static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
  static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");

  /** {@code base.column.index...}. */
  static OID cell(OID base, int column, int... index) {
    OID oid = new OID(base);
    oid.append(column);
    for (int i : index) {
      oid.append(i);
    }
    return oid;
  }

  static OID cell(OID base, int column, OID index) {
    OID oid = new OID(base);
    oid.append(column);
    oid.append(index);
    return oid;
  }
}
