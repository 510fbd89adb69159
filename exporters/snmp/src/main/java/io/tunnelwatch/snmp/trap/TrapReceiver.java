package io.tunnelwatch.snmp.trap;

import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.transport.Snmp4jStack;
import io.tunnelwatch.snmp.transport.Snmp4jValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Receives SNMP notifications (v1/v2c traps, informs, SNMPv3 with USM) on a UDP address, keeps only
 * those from configured devices with a configured community or user, and hands what {@link
 * NotificationDecoder} understands to a consumer as {@link Observation}s.
 *
 * <p>The consumer runs on the receiver's socket thread: it should only enqueue. Informs are
 * acknowledged once they passed the community and source checks.
 */
public final class TrapReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrapReceiver.class);
  private static final Set<OID> USM_REJECTIONS =
      Set.of(
          SnmpConstants.usmStatsUnknownUserNames,
          SnmpConstants.usmStatsWrongDigests,
          SnmpConstants.usmStatsDecryptionErrors,
          SnmpConstants.usmStatsUnsupportedSecLevels);

  private static final Set<OID> MALFORMED =
      Set.of(
          SnmpConstants.snmpInASNParseErrs,
          SnmpConstants.snmpInBadVersions,
          SnmpConstants.snmpInvalidMsgs,
          SnmpConstants.snmpUnknownSecurityModels,
          SnmpConstants.snmpUnknownPDUHandlers);

  private final Snmp4jStack stack;
  private final DefaultUdpTransportMapping transport;
  private final Set<String> communities;
  private final Set<String> userNames;
  private final Function<InetAddress, Optional<String>> resolver;
  private final Consumer<Observation> sink;
  private final Clock clock;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong unknownSource = new AtomicLong();
  private final AtomicLong badCommunity = new AtomicLong();
  private final AtomicLong unsupported = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final TrapRateLimit perDeviceLimit;
  private final TokenBucket totalBucket;
  // One bucket per configured device: the resolver names only configured devices.
  private final Map<String, TokenBucket> deviceBuckets = new ConcurrentHashMap<>();

  private TrapReceiver(
      TrapReceiverConfig config,
      DefaultUdpTransportMapping transport,
      Function<InetAddress, Optional<String>> resolver,
      Consumer<Observation> sink,
      Clock clock) {
    this.transport = transport;
    this.stack = new Snmp4jStack(transport);
    this.communities = Set.copyOf(config.communities());
    this.userNames =
        config.users().stream().map(SnmpCredentials.UsmUser::userName).collect(Collectors.toSet());
    this.resolver = resolver;
    this.sink = sink;
    this.clock = clock;
    this.perDeviceLimit = config.perDevice();
    this.totalBucket = new TokenBucket(config.total(), System::nanoTime);
    for (SnmpCredentials.UsmUser user : config.users()) {
      // No engine ID: SNMP4J localises the keys for whichever router's engine sends.
      stack.usm().addUser(stack.toUsmUser(user));
    }
    stack.addCounterListener(new DroppedBySnmp4j());
    stack.snmp().addCommandResponder(new Responder());
  }

  /**
   * Binds the listen address and starts receiving.
   *
   * @param resolver the configured device a source address belongs to; empty drops the message
   * @param sink receives the observations, on the socket thread
   * @throws SnmpException of kind {@code TRANSPORT} when the address cannot be bound
   */
  public static TrapReceiver start(
      TrapReceiverConfig config,
      Function<InetAddress, Optional<String>> resolver,
      Consumer<Observation> sink,
      Clock clock)
      throws SnmpException {
    DefaultUdpTransportMapping transport;
    try {
      transport =
          new DefaultUdpTransportMapping(
              new UdpAddress(config.listen().getAddress(), config.listen().getPort()));
    } catch (IOException e) {
      throw new SnmpException(
          SnmpException.Kind.TRANSPORT,
          "cannot bind the trap receiver to " + config.listen() + ": " + e.getMessage(),
          e);
    }
    TrapReceiver receiver = new TrapReceiver(config, transport, resolver, sink, clock);
    try {
      receiver.stack.snmp().listen();
    } catch (IOException e) {
      try {
        receiver.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new SnmpException(
          SnmpException.Kind.TRANSPORT,
          "cannot listen for traps on " + config.listen() + ": " + e.getMessage(),
          e);
    }
    return receiver;
  }

  /** The bound address (useful with port 0). */
  public InetSocketAddress localAddress() {
    UdpAddress address = transport.getListenAddress();
    return new InetSocketAddress(address.getInetAddress(), address.getPort());
  }

  public TrapCounts counts() {
    return new TrapCounts(
        received.get(),
        accepted.get(),
        unknownSource.get(),
        badCommunity.get(),
        unsupported.get(),
        rateLimited.get(),
        malformed.get());
  }

  @Override
  public void close() throws IOException {
    stack.close();
  }

  private final class Responder implements CommandResponder {
    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
      PDU pdu = event.getPDU();
      if (pdu == null) {
        return;
      }
      event.setProcessed(true);
      received.incrementAndGet();
      int type = pdu.getType();
      if (type != PDU.TRAP && type != PDU.V1TRAP && type != PDU.INFORM) {
        unsupported.incrementAndGet();
        return;
      }
      if (!authorised(event)) {
        badCommunity.incrementAndGet();
        return;
      }
      InetAddress source = ((IpAddress) event.getPeerAddress()).getInetAddress();
      try {
        handle(event, pdu, source);
      } catch (RuntimeException e) {
        // A failing resolver or sink must not stop the receiver's socket thread.
        LOG.warn("notification from {} not handled: {}", source, e.toString());
      }
    }

    private void handle(CommandResponderEvent<?> event, PDU pdu, InetAddress source) {
      int type = pdu.getType();
      Optional<String> device = resolver.apply(source);
      if (device.isEmpty()) {
        unknownSource.incrementAndGet();
        LOG.debug("notification from {} dropped: not a configured device", source);
        return;
      }
      if (!withinRate(device.get())) {
        rateLimited.incrementAndGet();
        return;
      }
      if (type == PDU.INFORM) {
        acknowledge(event);
      }
      Optional<Observation> observation =
          NotificationDecoder.decode(device.get(), clock.instant(), varbinds(pdu));
      if (observation.isEmpty()) {
        unsupported.incrementAndGet();
        return;
      }
      accepted.incrementAndGet();
      sink.accept(observation.get());
    }
  }

  /**
   * The device's own limit first, so that one flooding device spends only its own tokens and the
   * others keep theirs; then the receiver's, which bounds the work of many at once.
   */
  private boolean withinRate(String device) {
    TokenBucket bucket =
        deviceBuckets.computeIfAbsent(
            device, ignored -> new TokenBucket(perDeviceLimit, System::nanoTime));
    return bucket.tryTake() && totalBucket.tryTake();
  }

  private boolean authorised(CommandResponderEvent<?> event) {
    String name = new String(event.getSecurityName(), StandardCharsets.ISO_8859_1);
    if (event.getMessageProcessingModel() == MPv3.ID) {
      // USM has checked digest and privacy already; this only confines v3 to configured users.
      return userNames.contains(name);
    }
    return communities.contains(name);
  }

  /** v2c-style varbinds; a v1 trap gets the snmpTrapOID.0 that RFC 3584 derives for it. */
  static List<VarBind> varbinds(PDU pdu) {
    List<VarBind> result = new ArrayList<>();
    if (pdu instanceof PDUv1 v1) {
      result.add(new VarBind(MibOids.SNMP_TRAP_OID, new SnmpValue.ObjectId(v1TrapOid(v1))));
    }
    for (VariableBinding vb : pdu.getVariableBindings()) {
      result.add(Snmp4jValues.toVarBind(vb));
    }
    return result;
  }

  private static Oid v1TrapOid(PDUv1 v1) {
    if (v1.getGenericTrap() == PDUv1.ENTERPRISE_SPECIFIC) {
      return Snmp4jValues.toOid(v1.getEnterprise()).append(0, v1.getSpecificTrap());
    }
    return Oid.parse("1.3.6.1.6.3.1.1.5").append(v1.getGenericTrap() + 1);
  }

  private static void acknowledge(CommandResponderEvent<?> event) {
    PDU response = (PDU) event.getPDU().clone();
    response.setType(PDU.RESPONSE);
    response.setErrorStatus(PDU.noError);
    response.setErrorIndex(0);
    try {
      event
          .getMessageDispatcher()
          .returnResponsePdu(
              event.getMessageProcessingModel(),
              event.getSecurityModel(),
              event.getSecurityName(),
              event.getSecurityLevel(),
              response,
              event.getMaxSizeResponsePDU(),
              event.getStateReference(),
              new StatusInformation());
    } catch (MessageException e) {
      LOG.warn("cannot acknowledge an inform from {}: {}", event.getPeerAddress(), e.getMessage());
    }
  }

  /** Datagrams SNMP4J drops before the responder sees them, counted by why. */
  private final class DroppedBySnmp4j implements CounterListener {
    @Override
    public void incrementCounter(CounterEvent event) {
      if (USM_REJECTIONS.contains(event.getOid())) {
        received.incrementAndGet();
        badCommunity.incrementAndGet();
      } else if (MALFORMED.contains(event.getOid())) {
        received.incrementAndGet();
        malformed.incrementAndGet();
      }
    }
  }
}
