package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.snmp.Oid;

/** The numeric OIDs tunnelwatch reads (see docs/snmp.md for the MIB objects behind them). */
public final class MibOids {

  private MibOids() {}

  /** SNMPv2-MIB {@code sysUpTime.0}. */
  public static final Oid SYS_UP_TIME = Oid.parse("1.3.6.1.2.1.1.3.0");

  private static final String IPSEC = "1.3.6.1.4.1.9.9.171";

  /** CISCO-IPSEC-FLOW-MONITOR-MIB {@code cikeGlobalStats}. */
  public static final Oid CIKE_GLOBAL_STATS = Oid.parse(IPSEC + ".1.2.1");

  /** {@code cikeTunnelEntry}. */
  public static final Oid CIKE_TUNNEL_ENTRY = Oid.parse(IPSEC + ".1.2.3.1");

  /** {@code cikePeerRemoteAddr}, carried by the IKE notifications. */
  public static final Oid CIKE_PEER_REMOTE_ADDR = Oid.parse(IPSEC + ".1.2.2.1.7");

  /** {@code cikePeerLocalAddr}, carried by the IKE notifications. */
  public static final Oid CIKE_PEER_LOCAL_ADDR = Oid.parse(IPSEC + ".1.2.2.1.6");

  /** {@code cipSecGlobalStats}. */
  public static final Oid CIPSEC_GLOBAL_STATS = Oid.parse(IPSEC + ".1.3.1");

  /** {@code cipSecTunnelEntry}. */
  public static final Oid CIPSEC_TUNNEL_ENTRY = Oid.parse(IPSEC + ".1.3.2.1");

  /** {@code cipSecEndPtEntry}. */
  public static final Oid CIPSEC_END_PT_ENTRY = Oid.parse(IPSEC + ".1.3.3.1");

  /** {@code cipSecSpiEntry}. */
  public static final Oid CIPSEC_SPI_ENTRY = Oid.parse(IPSEC + ".1.3.4.1");

  /** {@code cikeFailEntry}. */
  public static final Oid CIKE_FAIL_ENTRY = Oid.parse(IPSEC + ".1.5.2.1.1");

  /** {@code cipSecFailEntry}. */
  public static final Oid CIPSEC_FAIL_ENTRY = Oid.parse(IPSEC + ".1.5.3.1.1");

  /** The notifications of CISCO-IPSEC-FLOW-MONITOR-MIB ({@code cipSecMIBNotifications}). */
  public static final Oid CIPSEC_NOTIFICATIONS = Oid.parse(IPSEC + ".2.0");

  /** CISCO-PROCESS-MIB {@code cpmCPUTotalEntry}. */
  public static final Oid CPM_CPU_TOTAL_ENTRY = Oid.parse("1.3.6.1.4.1.9.9.109.1.1.1.1");

  /** IF-MIB {@code ifEntry}. */
  public static final Oid IF_ENTRY = Oid.parse("1.3.6.1.2.1.2.2.1");

  /** IF-MIB {@code ifType} column. */
  public static final Oid IF_TYPE = IF_ENTRY.append(3);

  /** IF-MIB {@code ifXEntry}. */
  public static final Oid IF_X_ENTRY = Oid.parse("1.3.6.1.2.1.31.1.1.1");

  /** TUNNEL-MIB {@code tunnelIfEntry}. */
  public static final Oid TUNNEL_IF_ENTRY = Oid.parse("1.3.6.1.2.1.10.131.1.1.1.1");

  /** IANAifType {@code tunnel}. */
  public static final int IF_TYPE_TUNNEL = 131;

  /** SNMPv2-MIB {@code snmpTrapOID.0}. */
  public static final Oid SNMP_TRAP_OID = Oid.parse("1.3.6.1.6.3.1.1.4.1.0");

  /** IF-MIB {@code linkDown}. */
  public static final Oid LINK_DOWN = Oid.parse("1.3.6.1.6.3.1.1.5.3");

  /** IF-MIB {@code linkUp}. */
  public static final Oid LINK_UP = Oid.parse("1.3.6.1.6.3.1.1.5.4");
}
