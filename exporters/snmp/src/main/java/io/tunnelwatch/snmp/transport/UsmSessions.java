package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.DirectUserTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.PduHandle;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * The SNMPv3 side of a client: each agent's engine ID, discovered once per address; each device's
 * user keys localised for it and carried by the device's own target (so devices may share a user
 * name, and even an engine ID, with different passphrases); and the USM reports agents sent.
 */
final class UsmSessions {

  private final Snmp4jStack stack;
  private final Map<String, byte[]> engineIds = new ConcurrentHashMap<>();
  private final Map<Credentials, LocalizedKeys> keys = new ConcurrentHashMap<>();
  private final Map<String, UsmReport> lastReports = new ConcurrentHashMap<>();

  /** Whose keys: one user at one agent. */
  private record Credentials(String address, SnmpCredentials.UsmUser user) {}

  /**
   * A user's keys localised for one engine (RFC 3414, 2.6): the passphrases are hashed once per
   * agent, not once per request. Never compared or hashed: the arrays only go to SNMP4J.
   */
  @SuppressWarnings("ArrayRecordComponent")
  private record LocalizedKeys(
      byte[] engineId, @Nullable OctetString authKey, @Nullable OctetString privKey) {}

  /** An unauthenticated USM report an agent sent, and when it arrived. */
  private record UsmReport(OID oid, long receivedNanos) {}

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

  /**
   * The SNMP4J target for one device's user, carrying the user's keys itself rather than through
   * the engine's shared user table: that table is keyed by engine ID and user name, so devices
   * sharing both (cloned configurations) but not their passphrases would overwrite each other's
   * keys there. The agent's engine ID is discovered once per address.
   */
  UserTarget<UdpAddress> userTarget(
      SnmpTarget target, UdpAddress address, SnmpCredentials.UsmUser user) throws SnmpException {
    LocalizedKeys localized = keys.get(new Credentials(target.address(), user));
    if (localized == null) {
      localized = localize(user, engineId(target, address));
      keys.put(new Credentials(target.address(), user), localized);
    }
    DirectUserTarget<UdpAddress> result = new DirectUserTarget<>();
    result.setAddress(address);
    result.setSecurityName(new OctetString(user.userName()));
    result.setAuthoritativeEngineID(localized.engineId());
    result.setSecurityLevel(Snmp4jStack.securityLevel(user));
    if (localized.authKey() != null) {
      result.setAuthenticationProtocol(stack.protocols().getAuthenticationProtocol(authOid(user)));
      result.setAuthenticationKey(localized.authKey());
    }
    if (localized.privKey() != null) {
      result.setPrivacyProtocol(stack.protocols().getPrivacyProtocol(privOid(user)));
      result.setPrivacyKey(localized.privKey());
    }
    return result;
  }

  private static OID authOid(SnmpCredentials.UsmUser user) {
    return Snmp4jStack.authOid(user.authentication().orElseThrow().protocol());
  }

  private OID privOid(SnmpCredentials.UsmUser user) {
    return stack.privacyOid(user.privacy().orElseThrow().protocol());
  }

  private LocalizedKeys localize(SnmpCredentials.UsmUser user, byte[] engineId) {
    OctetString authKey = null;
    OctetString privKey = null;
    if (user.authentication().isPresent()) {
      OID auth = authOid(user);
      authKey =
          new OctetString(
              stack
                  .protocols()
                  .passwordToKey(
                      auth, new OctetString(user.authentication().get().passphrase()), engineId));
      if (user.privacy().isPresent()) {
        privKey =
            new OctetString(
                stack
                    .protocols()
                    .passwordToKey(
                        privOid(user),
                        auth,
                        new OctetString(user.privacy().get().passphrase()),
                        engineId));
      }
    }
    return new LocalizedKeys(engineId, authKey, privKey);
  }

  private byte[] engineId(SnmpTarget target, UdpAddress address) throws SnmpException {
    byte[] known = engineIds.get(target.address());
    if (known != null) {
      return known;
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
    engineIds.put(target.address(), engineId);
    return engineId;
  }

  /**
   * After an authentication failure: the agent may have been replaced (a new engine ID), or the
   * user's keys changed; both are worked out again at the next request.
   */
  void forget(SnmpTarget target) {
    engineIds.remove(target.address());
    keys.keySet().removeIf(c -> c.address().equals(target.address()));
  }

  /** The report OID of a rejection an agent sent since {@code sinceNanos}, if any (forgotten). */
  Optional<OID> rejectionSince(Address agent, long sinceNanos) {
    UsmReport report = lastReports.remove(agent.toString());
    return report != null && report.receivedNanos() - sinceNanos >= 0
        ? Optional.of(report.oid())
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
        lastReports.put(event.getPeerAddress().toString(), new UsmReport(oid, System.nanoTime()));
      }
    }
  }
}
