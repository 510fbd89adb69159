package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.PduHandle;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * The SNMPv3 side of a client: each agent's engine ID, discovered once per address, with the user's
 * keys localised for it (so devices may share a user name with different passphrases), and the USM
 * reports agents sent.
 */
final class UsmSessions {

  private final Snmp4jStack stack;
  private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
  private final Map<String, UsmReport> lastReports = new ConcurrentHashMap<>();

  // Never compared or hashed: the array is only handed back to SNMP4J.
  @SuppressWarnings("ArrayRecordComponent")
  private record Registration(byte[] engineId, SnmpCredentials.UsmUser user) {}

  /** An unauthenticated USM report an agent sent, and when it arrived. */
  private record UsmReport(String description, long receivedNanos) {}

  UsmSessions(Snmp4jStack stack) {
    this.stack = stack;
    Snmp.ReportHandler standard = stack.snmp().getReportHandler();
    stack
        .snmp()
        .setReportHandler(
            new Snmp.ReportHandler() {
              @Override
              public <A extends Address> void processReport(
                  PduHandle handle, CommandResponderEvent<A> event) {
                remember(event);
                standard.processReport(handle, event);
              }
            });
  }

  /** The agent's engine ID, discovering it and registering the user first if needed. */
  byte[] engineId(SnmpTarget target, UdpAddress address, SnmpCredentials.UsmUser user)
      throws SnmpException {
    Registration known = registrations.get(target.address());
    if (known != null && known.user().equals(user)) {
      return known.engineId();
    }
    byte[] engineId = null;
    for (int attempt = 0; attempt <= target.retries() && engineId == null; attempt++) {
      engineId = stack.snmp().discoverAuthoritativeEngineID(address, target.timeout().toMillis());
    }
    if (engineId == null) {
      throw new SnmpException(
          Kind.TIMEOUT,
          "no SNMPv3 engine ID discovery response from "
              + target.address()
              + " after "
              + (target.retries() + 1)
              + " attempts of "
              + target.timeout().toMillis()
              + " ms");
    }
    // keyed by the UsmUser's security name, which is user.userName()
    stack.usm().addUser(stack.toUsmUser(user), new OctetString(engineId));
    registrations.put(target.address(), new Registration(engineId, user));
    return engineId;
  }

  /** After an authentication failure: the engine may have changed (device replaced). */
  void forget(SnmpTarget target) {
    registrations.remove(target.address());
  }

  /** The rejection an agent reported since {@code sinceNanos}, if any (and forgets it). */
  Optional<String> rejectionSince(Address agent, long sinceNanos) {
    UsmReport report = lastReports.remove(agent.toString());
    return report != null && report.receivedNanos() - sinceNanos >= 0
        ? Optional.of(report.description())
        : Optional.empty();
  }

  /**
   * Agents send wrong-digest and unknown-user reports unauthenticated, which SNMP4J rightly does
   * not accept as the response. They still explain the timeout that follows, so they are kept to
   * name the cause; a forged report can change only that explanation.
   */
  private void remember(CommandResponderEvent<?> event) {
    PDU pdu = event.getPDU();
    if (pdu != null
        && pdu.getType() == PDU.REPORT
        && pdu.size() > 0
        && event.getPeerAddress() != null) {
      OID oid = pdu.get(0).getOid();
      if (UsmReports.isRejection(oid)) {
        lastReports.put(
            event.getPeerAddress().toString(),
            new UsmReport(UsmReports.describe(oid), System.nanoTime()));
      }
    }
  }
}
