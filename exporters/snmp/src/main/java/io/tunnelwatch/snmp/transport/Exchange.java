package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import java.io.IOException;
import java.util.Optional;
import org.snmp4j.AbstractTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.smi.UdpAddress;

/**
 * One request and its response, with every way it can fail turned into an {@link SnmpException}.
 */
final class Exchange {

  private static final String[] ERROR_STATUS_NAMES = {
    "noError",
    "tooBig",
    "noSuchName",
    "badValue",
    "readOnly",
    "genErr",
    "noAccess",
    "wrongType",
    "wrongLength",
    "wrongEncoding",
    "wrongValue",
    "noCreation",
    "inconsistentValue",
    "resourceUnavailable",
    "commitFailed",
    "undoFailed",
    "authorizationError",
    "notWritable",
    "inconsistentName"
  };

  private final Snmp snmp;
  private final UsmSessions usm;

  Exchange(Snmp snmp, UsmSessions usm) {
    this.snmp = snmp;
    this.usm = usm;
  }

  /**
   * Sends {@code pdu} and returns the response. A GETBULK answered with {@code tooBig} is returned
   * as it is, so that the walk can ask for fewer rows.
   *
   * @param what the request for messages, e.g. {@code GETBULK 1.3.6.1…}
   */
  PDU send(SnmpTarget target, AbstractTarget<UdpAddress> snmpTarget, PDU pdu, String what)
      throws SnmpException {
    long sentNanos = System.nanoTime();
    ResponseEvent<UdpAddress> event;
    try {
      event = snmp.send(pdu, snmpTarget);
    } catch (IOException e) {
      throw new SnmpException(
          Kind.TRANSPORT, what + " to " + target.address() + " failed: " + e.getMessage(), e);
    }
    if (event == null) {
      throw new SnmpException(Kind.TRANSPORT, what + " to " + target.address() + " not sent");
    }
    if (event.getError() != null) {
      throw new SnmpException(
          Kind.TRANSPORT,
          what + " to " + target.address() + " failed: " + event.getError().getMessage(),
          event.getError());
    }
    PDU response = event.getResponse();
    if (response == null) {
      Optional<String> rejection = usm.rejectionSince(snmpTarget.getAddress(), sentNanos);
      if (rejection.isPresent()) {
        throw rejected(target, what, rejection.get());
      }
      throw timeout(target, what);
    }
    if (response.getType() == PDU.REPORT) {
      throw rejected(
          target,
          what,
          response.size() > 0 ? UsmReports.describe(response.get(0).getOid()) : "empty report");
    }
    if (response.getErrorStatus() == PDU.tooBig && pdu.getType() == PDU.GETBULK) {
      return response;
    }
    if (response.getErrorStatus() != PDU.noError) {
      int index = response.getErrorIndex();
      String at = index > 0 && index <= pdu.size() ? " at " + pdu.get(index - 1).getOid() : "";
      throw new SnmpException(
          response.getErrorStatus() == PDU.authorizationError ? Kind.AUTH : Kind.ERROR_STATUS,
          target.address()
              + " answered "
              + what
              + " with error-status "
              + errorStatusName(response.getErrorStatus())
              + at);
    }
    return response;
  }

  private SnmpException rejected(SnmpTarget target, String what, String report) {
    usm.forget(target);
    String user =
        target.credentials() instanceof SnmpCredentials.UsmUser u ? u.userName() : "(community)";
    return new SnmpException(
        Kind.AUTH,
        target.address() + " rejected " + what + " from SNMPv3 user " + user + ": " + report);
  }

  private static SnmpException timeout(SnmpTarget target, String what) {
    return new SnmpException(
        Kind.TIMEOUT,
        "no response from "
            + target.address()
            + " to "
            + what
            + " after "
            + (target.retries() + 1)
            + " attempts of "
            + target.timeout().toMillis()
            + " ms"
            + (target.credentials() instanceof SnmpCredentials.Community
                ? " (unreachable, no agent, or the community is not accepted)"
                : " (unreachable, no agent, or a wrong privacy passphrase or protocol)"));
  }

  /** RFC 3416's name, e.g. {@code genErr(5)}. */
  static String errorStatusName(int status) {
    String name =
        status >= 0 && status < ERROR_STATUS_NAMES.length ? ERROR_STATUS_NAMES[status] : "unknown";
    return name + "(" + status + ")";
  }
}
