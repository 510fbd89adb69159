package io.tunnelwatch.lab.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * The SNMP face of one simulated router: an SNMP4J command responder for v2c and v3 (USM, authPriv)
 * serving {@link MibView}s of the router, and the sender of its v2c traps. Traps leave from the
 * agent's own address, so a receiver can tell routers apart by source address. Thread-safe.
 */
public final class RouterSnmpAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RouterSnmpAgent.class);

  private final String routerName;
  private final Snmp snmp;
  private final UdpAddress address;
  private final SnmpSettings settings;
  private final Supplier<RouterState> states;
  private final OctetString engineId;
  private final AtomicBoolean answering;
  private RouterState lastSeen;

  private RouterSnmpAgent(
      String routerName,
      Snmp snmp,
      UdpAddress address,
      SnmpSettings settings,
      Supplier<RouterState> states,
      OctetString engineId,
      AtomicBoolean answering) {
    this.routerName = routerName;
    this.snmp = snmp;
    this.address = address;
    this.settings = settings;
    this.states = states;
    this.engineId = engineId;
    this.answering = answering;
  }

  /**
   * Whether requests are answered: a router whose management path is down drops them all, which a
   * manager sees as timeouts. Traps are not affected.
   */
  public void answering(boolean answer) {
    answering.set(answer);
  }

  /**
   * Binds the agent and starts answering.
   *
   * @param engineId the SNMPv3 authoritative engine ID (unique per router)
   * @param states the router's current state on every call
   * @param selectors the threads that receive and answer the agent's requests (shared by agents)
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static RouterSnmpAgent start(
      String routerName,
      SnmpSettings settings,
      byte[] engineId,
      Supplier<RouterState> states,
      SnmpSelectors selectors) {
    OctetString localEngineId = new OctetString(engineId);
    // A protocol set of our own instead of the process-wide singleton: SHA-1 must be registered
    // explicitly (SNMP4J leaves it out by default), and other SNMP users in the JVM stay untouched.
    SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    protocols.addAuthenticationProtocol(new AuthSHA());
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addPrivacyProtocol(new PrivAES128());
    protocols.addPrivacyProtocol(new PrivAES256());
    USM usm = new USM(protocols, localEngineId, 1);
    for (SnmpUser user : settings.users()) {
      OctetString name = new OctetString(user.name());
      usm.addUser(
          new UsmUser(
              name,
              user.protocols().authProtocol(),
              new OctetString(user.authPassphrase()),
              user.protocols().privProtocol(),
              new OctetString(user.privPassphrase())),
          localEngineId);
    }
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new UnknownUserReportingMPv3(usm));
    SelectorUdpTransportMapping transport;
    try {
      InetAddress host = InetAddress.getByName(settings.host());
      transport = selectors.bind(new InetSocketAddress(host, settings.port()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          routerName + ": cannot bind SNMP agent to " + settings.host() + ":" + settings.port(), e);
    }
    Snmp snmp = new Snmp(dispatcher, transport);
    byte[] community =
        settings.community() == null ? null : settings.community().getBytes(StandardCharsets.UTF_8);
    AtomicBoolean answering = new AtomicBoolean(true);
    snmp.addCommandResponder(
        new MibResponder(routerName, () -> states.get().view(), community, answering::get));
    try {
      snmp.listen();
    } catch (IOException e) {
      closeQuietly(routerName, snmp);
      throw new UncheckedIOException(routerName + ": SNMP agent cannot listen", e);
    }
    return new RouterSnmpAgent(
        routerName, snmp, transport.getListenAddress(), settings, states, localEngineId, answering);
  }

  public String routerName() {
    return routerName;
  }

  /** The host the agent is bound to (and traps come from). */
  public String host() {
    return address.getInetAddress().getHostAddress();
  }

  /** The UDP port the agent answers on. */
  public int port() {
    return address.getPort();
  }

  /** The authoritative SNMPv3 engine ID, hex without separators. */
  public String engineIdHex() {
    return engineId.toHexString().replace(":", "");
  }

  /**
   * Compares the router's current view with the one seen at the previous call and sends the traps
   * the change calls for. The first call only records the view.
   *
   * @return the notifications sent
   */
  public synchronized List<Notification> checkForChanges() {
    RouterState now = states.get();
    RouterState before = lastSeen;
    lastSeen = now;
    if (before == null || before.trapKey().equals(now.trapKey())) {
      return List.of();
    }
    MibView after = now.view();
    List<Notification> notifications = TrapDetector.between(before.view(), after);
    for (Notification n : notifications) {
      send(n, after);
    }
    return notifications;
  }

  private void send(Notification notification, MibView view) {
    PDU pdu = new PDU();
    pdu.setType(PDU.NOTIFICATION);
    pdu.add(new VariableBinding(MibOids.SYS_UP_TIME, view.get(MibOids.SYS_UP_TIME).orElseThrow()));
    pdu.add(new VariableBinding(MibOids.SNMP_TRAP_OID, notification.trap()));
    notification.objects().forEach(pdu::add);
    for (TrapTarget target : settings.trapTargets()) {
      CommunityTarget<UdpAddress> to = new CommunityTarget<>();
      to.setCommunity(new OctetString(target.community()));
      to.setVersion(SnmpConstants.version2c);
      try {
        to.setAddress(new UdpAddress(InetAddress.getByName(target.host()), target.port()));
        snmp.send(pdu, to);
      } catch (IOException e) {
        log.warn("{}: trap to {} not sent: {}", routerName, target, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(routerName, snmp);
  }

  private static void closeQuietly(String routerName, Snmp snmp) {
    try {
      snmp.close();
    } catch (IOException e) {
      log.debug("{}: closing SNMP agent: {}", routerName, e.getMessage());
    }
  }
}
