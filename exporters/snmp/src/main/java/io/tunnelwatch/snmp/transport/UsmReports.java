package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.SnmpException.Kind;
import org.snmp4j.smi.OID;

/** Names the USM statistics an SNMPv3 agent reports a rejected request with (RFC 3414). */
final class UsmReports {

  private UsmReports() {}

  /** A report that means the request will not be answered (not a time-window resync). */
  static boolean isRejection(OID reportOid) {
    String oid = reportOid.toDottedString();
    return oid.startsWith("1.3.6.1.6.3.15.1.1.") && !oid.equals("1.3.6.1.6.3.15.1.1.2.0");
  }

  /** What the report says went wrong, as a failure kind. */
  static Kind kind(OID reportOid) {
    String oid = reportOid.toDottedString();
    String prefix = "1.3.6.1.6.3.15.1.1.";
    if (oid.startsWith(prefix)) {
      switch (oid.substring(prefix.length())) {
        case "1.0":
          return Kind.UNSUPPORTED_SECURITY_LEVEL;
        case "3.0":
          return Kind.UNKNOWN_USER;
        case "4.0":
          return Kind.UNKNOWN_ENGINE_ID;
        case "5.0":
          return Kind.WRONG_DIGEST;
        case "6.0":
          return Kind.DECRYPTION_ERROR;
        default:
          break;
      }
    }
    return Kind.AUTH;
  }

  static String describe(OID reportOid) {
    String oid = reportOid.toDottedString();
    String prefix = "1.3.6.1.6.3.15.1.1.";
    if (oid.startsWith(prefix)) {
      switch (oid.substring(prefix.length())) {
        case "1.0":
          return "usmStatsUnsupportedSecLevels (security level not allowed for this user)";
        case "2.0":
          return "usmStatsNotInTimeWindows (engine time out of window)";
        case "3.0":
          return "usmStatsUnknownUserNames (no such user)";
        case "4.0":
          return "usmStatsUnknownEngineIDs (unknown engine ID)";
        case "5.0":
          return "usmStatsWrongDigests (wrong authentication passphrase or protocol)";
        case "6.0":
          return "usmStatsDecryptionErrors (wrong privacy passphrase or protocol)";
        default:
          break;
      }
    }
    return "report " + oid;
  }
}
