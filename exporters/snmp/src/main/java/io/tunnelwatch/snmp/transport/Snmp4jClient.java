package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpClient;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.WalkLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.SnmpConstants;
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
  private final UsmSessions usm;
  private final Exchange exchange;

  private Snmp4jClient(Snmp4jStack stack) {
    this.stack = stack;
    this.usm = new UsmSessions(stack);
    this.exchange = new Exchange(stack.snmp(), usm);
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
    PDU response = exchange.send(target, snmpTarget, pdu, "GET " + oids.get(0));
    List<VarBind> result = new ArrayList<>(response.size());
    for (VariableBinding vb : response.getVariableBindings()) {
      result.add(Snmp4jValues.toVarBind(vb));
    }
    return result;
  }

  @Override
  public List<VarBind> walk(SnmpTarget target, Oid root, WalkLimits limits) throws SnmpException {
    return walkColumns(target, List.of(root), limits);
  }

  @Override
  public List<VarBind> walkColumns(SnmpTarget target, List<Oid> roots, WalkLimits limits)
      throws SnmpException {
    if (roots.isEmpty()) {
      return List.of();
    }
    return new BulkWalk(exchange, () -> newPdu(target), target, target(target), limits).walk(roots);
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
      byte[] engineId = usm.engineId(target, address, user);
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

  @Override
  public void close() throws IOException {
    stack.close();
  }
}
