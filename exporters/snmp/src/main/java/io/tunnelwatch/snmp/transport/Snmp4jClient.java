package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpClient;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.WalkLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.PduHandle;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * {@link SnmpClient} over SNMP4J and UDP: v2c communities and SNMPv3 USM users.
 *
 * <p>For a USM user the agent's engine ID is discovered once per address and the user's keys are
 * localised for it, so two devices may share a user name with different passphrases.
 */
public final class Snmp4jClient implements SnmpClient, AutoCloseable {

  private final Snmp4jStack stack;
  private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

  private final Map<String, UsmReport> lastReports = new ConcurrentHashMap<>();

  private record Registration(byte[] engineId, SnmpCredentials.UsmUser user) {}

  /** An unauthenticated USM report an agent sent, and when it arrived. */
  private record UsmReport(String description, long receivedNanos) {}

  private Snmp4jClient(Snmp4jStack stack) {
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

  /**
   * Opens a client on an ephemeral local UDP port.
   *
   * @throws SnmpException of kind {@code TRANSPORT} if the socket cannot be opened
   */
  public static Snmp4jClient open() throws SnmpException {
    try {
      Snmp4jStack stack = new Snmp4jStack(new DefaultUdpTransportMapping());
      stack.snmp().listen();
      return new Snmp4jClient(stack);
    } catch (IOException e) {
      throw new SnmpException(Kind.TRANSPORT, "cannot open a UDP socket for SNMP: " + e, e);
    }
  }

  @Override
  public List<VarBind> get(SnmpTarget target, List<Oid> oids) throws SnmpException {
    if (oids.isEmpty()) {
      return List.of();
    }
    AbstractTarget<UdpAddress> snmpTarget = target(target);
    PDU pdu = newPdu(target);
    pdu.setType(PDU.GET);
    for (Oid oid : oids) {
      pdu.add(new VariableBinding(Snmp4jValues.toOid(oid)));
    }
    PDU response = send(target, snmpTarget, pdu, "GET " + oids.get(0));
    List<VarBind> result = new ArrayList<>(response.size());
    for (VariableBinding vb : response.getVariableBindings()) {
      result.add(Snmp4jValues.toVarBind(vb));
    }
    return result;
  }

  @Override
  public List<VarBind> walk(SnmpTarget target, Oid root, WalkLimits limits) throws SnmpException {
    AbstractTarget<UdpAddress> snmpTarget = target(target);
    List<VarBind> rows = new ArrayList<>();
    long started = System.nanoTime();
    int repetitions = limits.maxRepetitions();
    Oid current = root;
    while (true) {
      if (System.nanoTime() - started > limits.maxDuration().toNanos()) {
        throw new SnmpException(
            Kind.WALK_TIMEOUT,
            "walk of "
                + root
                + " on "
                + target.address()
                + " exceeded "
                + limits.maxDuration().toMillis()
                + " ms after "
                + rows.size()
                + " varbinds (last "
                + current
                + ")");
      }
      PDU pdu = newPdu(target);
      pdu.setType(PDU.GETBULK);
      pdu.setMaxRepetitions(repetitions);
      pdu.setNonRepeaters(0);
      pdu.add(new VariableBinding(Snmp4jValues.toOid(current)));
      PDU response = send(target, snmpTarget, pdu, "GETBULK " + current);
      if (response.getErrorStatus() == PDU.tooBig) {
        // The agent cannot fit that many rows into one message: ask for fewer.
        repetitions = Math.max(1, repetitions / 2);
        continue;
      }
      if (response.size() == 0) {
        throw new SnmpException(
            Kind.ERROR_STATUS,
            "empty GETBULK response from " + target.address() + " for " + current);
      }
      for (VariableBinding binding : response.getVariableBindings()) {
        VarBind vb = Snmp4jValues.toVarBind(binding);
        if (vb.value() == SnmpValue.Absent.END_OF_MIB_VIEW || !vb.oid().startsWith(root)) {
          return rows;
        }
        if (vb.value() == SnmpValue.Absent.NO_SUCH_OBJECT
            || vb.value() == SnmpValue.Absent.NO_SUCH_INSTANCE) {
          throw new SnmpException(
              Kind.NO_SUCH,
              target.address()
                  + " answered a walk of "
                  + root
                  + " with "
                  + vb.value()
                  + " at "
                  + vb.oid());
        }
        if (vb.oid().compareTo(current) <= 0) {
          throw new SnmpException(
              Kind.NON_INCREASING_OID,
              target.address()
                  + " returned "
                  + vb.oid()
                  + " after "
                  + current
                  + " while walking "
                  + root
                  + " (OIDs must increase)");
        }
        rows.add(vb);
        current = vb.oid();
        if (rows.size() > limits.maxRows()) {
          throw new SnmpException(
              Kind.TOO_MANY_ROWS,
              "walk of "
                  + root
                  + " on "
                  + target.address()
                  + " returned more than "
                  + limits.maxRows()
                  + " varbinds");
        }
      }
    }
  }

  private PDU send(SnmpTarget target, AbstractTarget<UdpAddress> snmpTarget, PDU pdu, String what)
      throws SnmpException {
    ResponseEvent<UdpAddress> event;
    long sentNanos = System.nanoTime();
    try {
      event = stack.snmp().send(pdu, snmpTarget);
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
      UsmReport report = lastReports.remove(snmpTarget.getAddress().toString());
      if (report != null && report.receivedNanos() - sentNanos >= 0) {
        // The engine may have changed (device replaced): discover it again next time.
        registrations.remove(target.address());
        throw new SnmpException(
            Kind.AUTH,
            target.address()
                + " rejected "
                + what
                + " from SNMPv3 user "
                + ((SnmpCredentials.UsmUser) target.credentials()).userName()
                + ": "
                + report.description());
      }
      throw new SnmpException(
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
    if (response.getType() == PDU.REPORT) {
      String report =
          response.size() > 0 ? UsmReports.describe(response.get(0).getOid()) : "empty report";
      registrations.remove(target.address());
      throw new SnmpException(
          Kind.AUTH,
          target.address()
              + " rejected "
              + what
              + " from SNMPv3 user "
              + ((SnmpCredentials.UsmUser) target.credentials()).userName()
              + ": "
              + report);
    }
    if (response.getErrorStatus() == PDU.tooBig
        && pdu.getType() == PDU.GETBULK
        && pdu.getMaxRepetitions() > 1) {
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

  /** RFC 3416's name, e.g. {@code genErr(5)}. */
  static String errorStatusName(int status) {
    String name =
        status >= 0 && status < ERROR_STATUS_NAMES.length ? ERROR_STATUS_NAMES[status] : "unknown";
    return name + "(" + status + ")";
  }

  private PDU newPdu(SnmpTarget target) {
    return target.credentials() instanceof SnmpCredentials.UsmUser ? new ScopedPDU() : new PDU();
  }

  private AbstractTarget<UdpAddress> target(SnmpTarget target) throws SnmpException {
    UdpAddress address;
    try {
      address = new UdpAddress(InetAddress.getByName(target.host()), target.port());
    } catch (UnknownHostException e) {
      throw new SnmpException(Kind.TRANSPORT, "cannot resolve SNMP host " + target.host(), e);
    }
    AbstractTarget<UdpAddress> result;
    if (target.credentials() instanceof SnmpCredentials.Community community) {
      CommunityTarget<UdpAddress> t =
          new CommunityTarget<>(address, new OctetString(community.community()));
      t.setVersion(SnmpConstants.version2c);
      result = t;
    } else {
      SnmpCredentials.UsmUser user = (SnmpCredentials.UsmUser) target.credentials();
      byte[] engineId = register(target, address, user);
      UserTarget<UdpAddress> t =
          new UserTarget<>(
              address, new OctetString(user.userName()), engineId, Snmp4jStack.securityLevel(user));
      t.setVersion(SnmpConstants.version3);
      result = t;
    }
    result.setTimeout(target.timeout().toMillis());
    result.setRetries(target.retries());
    return result;
  }

  private byte[] register(SnmpTarget target, UdpAddress address, SnmpCredentials.UsmUser user)
      throws SnmpException {
    String key = target.address();
    Registration known = registrations.get(key);
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
    stack
        .usm()
        .addUser(
            new OctetString(user.userName()), new OctetString(engineId), stack.toUsmUser(user));
    registrations.put(key, new Registration(engineId, user));
    return engineId;
  }

  @Override
  public void close() throws IOException {
    stack.close();
  }
}
