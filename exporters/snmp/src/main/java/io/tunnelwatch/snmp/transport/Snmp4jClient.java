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
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
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
 *
 * <p>Every request goes out on one socket and is answered on SNMP4J's receive thread; at most
 * {@code maxConcurrentRequests} are in flight, the rest queue without holding a thread. Resolving a
 * target (a DNS lookup, and an SNMPv3 engine discovery the first time) happens in the calling
 * thread; later requests of a poll find both cached.
 */
public final class Snmp4jClient implements SnmpClient, AutoCloseable {

  /** What {@link #open()} allows in flight: far more than a fleet's polls need at any time. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;

  /**
   * Socket receive buffer per request the window allows: the answers to a full window arrive in a
   * burst, and a GETBULK answer of 25 rows takes a few kilobytes of kernel memory. With the
   * kernel's default buffer (208 KiB on Linux) a window of 256 loses answers whenever the receive
   * thread falls behind, and a lost answer costs the poll a retry after the timeout.
   */
  static final int RECEIVE_BUFFER_PER_REQUEST = 16 * 1024;

  static final int MIN_RECEIVE_BUFFER = 1024 * 1024;
  static final int MAX_RECEIVE_BUFFER = 64 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(Snmp4jClient.class);

  private final Snmp4jStack stack;
  private final SizedUdpTransportMapping transport;
  private final UsmSessions usm;
  private final RequestWindow window;
  private final Exchange exchange;

  private Snmp4jClient(
      Snmp4jStack stack, SizedUdpTransportMapping transport, int maxConcurrentRequests) {
    this.stack = stack;
    this.transport = transport;
    this.usm = new UsmSessions(stack);
    this.window = new RequestWindow(maxConcurrentRequests);
    this.exchange = new Exchange(stack.snmp(), usm, window);
  }

  /**
   * Opens a client on an ephemeral local UDP port with {@link #DEFAULT_MAX_CONCURRENT_REQUESTS}.
   *
   * @throws SnmpException of kind {@code TRANSPORT} if the socket cannot be opened
   */
  public static Snmp4jClient open() throws SnmpException {
    return open(DEFAULT_MAX_CONCURRENT_REQUESTS);
  }

  /**
   * Opens a client on an ephemeral local UDP port.
   *
   * @param maxConcurrentRequests how many requests may wait for their answer at once; more wait
   *     their turn without holding a thread
   * @throws SnmpException of kind {@code TRANSPORT} if the socket cannot be opened
   */
  public static Snmp4jClient open(int maxConcurrentRequests) throws SnmpException {
    try {
      int wanted = receiveBufferBytes(maxConcurrentRequests);
      SizedUdpTransportMapping transport = new SizedUdpTransportMapping(wanted);
      Snmp4jStack stack = new Snmp4jStack(transport);
      stack.snmp().listen();
      int granted = transport.socketReceiveBufferSize();
      if (granted < wanted) {
        log.warn(
            "the SNMP socket's receive buffer is {} bytes, {} were asked for: the kernel caps it"
                + " (net.core.rmem_max on Linux); answers to a full request window may be dropped"
                + " and retried",
            granted,
            wanted);
      }
      return new Snmp4jClient(stack, transport, maxConcurrentRequests);
    } catch (IOException e) {
      throw new SnmpException(Kind.TRANSPORT, "cannot open a UDP socket for SNMP: " + e, e);
    }
  }

  @Override
  public CompletableFuture<List<VarBind>> getAsync(SnmpTarget target, List<Oid> oids) {
    if (oids.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    AbstractTarget<UdpAddress> snmpTarget;
    try {
      snmpTarget = target(target);
    } catch (SnmpException e) {
      return CompletableFuture.failedFuture(e);
    }
    PDU pdu = newPdu(target);
    pdu.setType(PDU.GET);
    for (Oid oid : oids) {
      pdu.add(new VariableBinding(Snmp4jValues.toOid(oid)));
    }
    return exchange
        .send(target, snmpTarget, pdu, "GET " + oids.get(0))
        .thenApply(
            response -> {
              List<VarBind> result = new ArrayList<>(response.size());
              for (VariableBinding vb : response.getVariableBindings()) {
                result.add(Snmp4jValues.toVarBind(vb));
              }
              return result;
            });
  }

  @Override
  public CompletableFuture<List<VarBind>> walkColumnsAsync(
      SnmpTarget target, List<Oid> roots, WalkLimits limits) {
    if (roots.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    try {
      return new BulkWalk(exchange, () -> newPdu(target), target, target(target), limits)
          .walk(roots);
    } catch (SnmpException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The receive buffer asked for the socket with a window of {@code maxConcurrentRequests}. */
  static int receiveBufferBytes(int maxConcurrentRequests) {
    long wanted = (long) maxConcurrentRequests * RECEIVE_BUFFER_PER_REQUEST;
    return (int) Math.min(MAX_RECEIVE_BUFFER, Math.max(MIN_RECEIVE_BUFFER, wanted));
  }

  /**
   * The receive buffer the kernel gave the socket (Linux reports twice what it grants, for its
   * bookkeeping).
   *
   * @throws SocketException if the socket is closed
   */
  public int socketReceiveBufferSize() throws SocketException {
    return transport.socketReceiveBufferSize();
  }

  /** Requests waiting for an answer now. */
  public int requestsInFlight() {
    return window.inFlight();
  }

  /** Requests waiting for a place in the window now. */
  public int requestsQueued() {
    return window.waiting();
  }

  /** The most requests that were ever in flight at once. */
  public int peakRequestsInFlight() {
    return window.peakInFlight();
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
      result = usm.userTarget(target, address, (SnmpCredentials.UsmUser) target.credentials());
      result.setVersion(SnmpConstants.version3);
    }
    result.setTimeout(target.timeout().toMillis());
    result.setRetries(target.retries());
    return result;
  }

  @Override
  public void close() throws IOException {
    stack.close();
  }

  /** SNMP4J's UDP transport with the receive buffer set on its socket before the first answer. */
  private static final class SizedUdpTransportMapping extends DefaultUdpTransportMapping {

    SizedUdpTransportMapping(int receiveBufferSize) throws SocketException {
      // the listen thread sets it again on the socket it reads from
      setReceiveBufferSize(receiveBufferSize);
      ensureSocket().setReceiveBufferSize(receiveBufferSize);
    }

    int socketReceiveBufferSize() throws SocketException {
      DatagramSocket socket = ensureSocket();
      return socket.getReceiveBufferSize();
    }
  }
}
