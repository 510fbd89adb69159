package io.tunnelwatch.lab.snmp;

import org.snmp4j.MessageDispatcher;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * MPv3 that can answer an unknown user with the {@code usmStatsUnknownUserNames} report: RFC 3414
 * §3.2 sends that report at noAuthNoPriv, while SNMP4J keeps the request's level and then fails to
 * find the user's keys to secure it.
 */
final class UnknownUserReportingMPv3 extends MPv3 {
  UnknownUserReportingMPv3(USM usm) {
    super(usm);
  }

  @Override
  public int sendReport(
      MessageDispatcher dispatcher,
      ScopedPDU pdu,
      int securityLevel,
      int securityModel,
      OctetString securityName,
      int maxSizeResponseScopedPDU,
      StateReference<?> stateReference,
      VariableBinding payload) {
    int level =
        payload != null && SnmpConstants.usmStatsUnknownUserNames.equals(payload.getOid())
            ? SecurityLevel.NOAUTH_NOPRIV
            : securityLevel;
    return super.sendReport(
        dispatcher,
        pdu,
        level,
        securityModel,
        securityName,
        maxSizeResponseScopedPDU,
        stateReference,
        payload);
  }
}
