package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.events.FailureRecord;
import io.tunnelwatch.lab.events.IkeFailReason;
import io.tunnelwatch.lab.events.RouterEvent;
import io.tunnelwatch.lab.events.RouterEventListener;
import io.tunnelwatch.lab.sim.CryptoSnapshot.EspSaView;
import io.tunnelwatch.lab.sim.CryptoSnapshot.IkeView;
import io.tunnelwatch.lab.sim.CryptoSnapshot.SessionStatus;
import io.tunnelwatch.lab.sim.EndState.EndTraffic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One simulated router: its configuration plus its end of one {@link TunnelLink} per tunnel. Holds
 * no counters of its own; everything is derived from the clock and the links on each {@link
 * #snapshot()}. Boot time, CPU and active faults are those of the first link's end (faults are
 * injected there); failure counters and records are gathered from every link.
 */
public final class SimulatedRouter {
  /** Outer size of one 100-byte inner packet after GRE (24) and ESP-AES-SHA tunnel mode. */
  static final int ESP_OVERHEAD_BYTES = 84;

  /**
   * Ethernet background chatter (ARP, CDP, hellos, host broadcasts): one packet every few seconds,
   * busier on the LAN than on the uplink, so the two ports never show the same numbers.
   */
  private static final int WAN_BACKGROUND_IN_EVERY_SECONDS = 4;

  private static final int WAN_BACKGROUND_OUT_EVERY_SECONDS = 5;
  private static final int LAN_BACKGROUND_IN_EVERY_SECONDS = 2;
  private static final int LAN_BACKGROUND_OUT_EVERY_SECONDS = 3;
  private static final int BACKGROUND_PACKET_BYTES = 80;

  private final RouterConfig config;
  private final List<Attachment> attachments;
  private final CpuModel cpuModel;

  /**
   * This router's end of a link.
   *
   * @param side which end of {@code link} this router is
   */
  public record Attachment(TunnelLink link, Side side) {}

  /**
   * @param side which end of {@code link} this router is
   */
  public SimulatedRouter(RouterConfig config, Clock clock, TunnelLink link, Side side) {
    this(config, clock, List.of(new Attachment(link, side)));
  }

  /**
   * @param attachments one per tunnel of {@code config}, in the same order
   */
  public SimulatedRouter(RouterConfig config, Clock clock, List<Attachment> attachments) {
    if (attachments.size() != config.tunnels().size()) {
      throw new IllegalArgumentException(
          config.hostname()
              + ": expected one link per tunnel ("
              + config.tunnels().size()
              + "), got "
              + attachments.size());
    }
    this.config = config;
    this.attachments = List.copyOf(attachments);
    this.cpuModel = new CpuModel(config.hostname());
    Instant bootTime = clock.instant().minus(config.uptimeAtStart());
    for (int t = 0; t < this.attachments.size(); t++) {
      Attachment a = this.attachments.get(t);
      a.link().attach(a.side(), bootTime, config.tunnels().get(t).name());
    }
  }

  public RouterConfig config() {
    return config;
  }

  /** The link of the first tunnel (the only one on the reference routers). */
  public TunnelLink link() {
    return attachments.get(0).link();
  }

  /** Which end of {@link #link()} this router is. */
  public Side side() {
    return attachments.get(0).side();
  }

  /** Every link, in the order of the configuration's tunnels. */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** Registers a listener for this router's events (see {@link RouterEvent}) on every tunnel. */
  public void addListener(RouterEventListener listener) {
    for (Attachment a : attachments) {
      a.link().addListener(a.side(), listener);
    }
  }

  /** The router as it is now. */
  public RouterSnapshot snapshot() {
    List<LinkState> states = new ArrayList<>();
    for (Attachment a : attachments) {
      states.add(a.link().state());
    }
    // Links read the clock one after the other; the router's instant is the latest of them.
    Instant now = states.stream().map(LinkState::at).max(Instant::compareTo).orElseThrow();
    EndState first = states.get(0).end(side());
    Duration uptime = Duration.between(first.bootTime(), now);
    List<InterfaceSnapshot> interfaces = new ArrayList<>();
    for (EthernetPort port : config.ethernetPorts()) {
      interfaces.add(ethernet(port, states, uptime));
    }
    List<CryptoSnapshot> sessions = new ArrayList<>();
    long initFails = 0;
    long respFails = 0;
    long authFails = 0;
    long protocolUseFails = 0;
    List<FailureRecord> phase1 = new ArrayList<>();
    List<FailureRecord> phase2 = new ArrayList<>();
    List<TunnelPath> paths = new ArrayList<>();
    for (int t = 0; t < attachments.size(); t++) {
      LinkState state = states.get(t);
      Side side = attachments.get(t).side();
      EndState end = state.end(side);
      interfaces.add(tunnel(config.tunnels().get(t), state, end.traffic()));
      paths.add(path(config.tunnels().get(t), state));
      sessions.add(crypto(t, attachments.get(t), state, end.traffic()));
      FailureCounters f = end.failures();
      initFails += f.ikeInitTunnelFails();
      respFails += f.ikeRespTunnelFails();
      authFails += f.ikeAuthFails();
      protocolUseFails += f.ipsecProtocolUseFails();
      for (FailureRecord r : end.phase1Failures()) {
        phase1.add(routerWide(r, t));
      }
      for (FailureRecord r : end.phase2Failures()) {
        phase2.add(routerWide(r, t));
      }
    }
    phase1.sort(Comparator.comparing(FailureRecord::at));
    phase2.sort(Comparator.comparing(FailureRecord::at));
    return new RouterSnapshot(
        config,
        now,
        uptime,
        cpuModel.at(now, first.highCpuSince(), first.highCpuUntil()),
        interfaces,
        sessions.get(0),
        sessions,
        first.bootTime(),
        new FailureCounters(initFails, respFails, authFails, protocolUseFails),
        phase1,
        phase2,
        first.faults(),
        paths);
  }

  /** A stall or a one-way loss on either end also loses the echo or its reply. */
  private static TunnelPath path(TunnelPort tunnel, LinkState state) {
    boolean lossless =
        Stream.of(state.endA(), state.endB())
            .noneMatch(e -> e.faults().contains(Fault.STALL) || e.faults().contains(Fault.ONE_WAY));
    return new TunnelPath(
        tunnel, state.phase() != LinkPhase.DOWN, state.phase() == LinkPhase.UP && lossless);
  }

  /**
   * Each link numbers its own failures from 1; a router's table needs one index per row that never
   * repeats, so record k of tunnel t (of m) becomes (k-1)*m + t + 1 (unchanged for m = 1).
   */
  private FailureRecord routerWide(FailureRecord r, int t) {
    if (attachments.size() == 1) {
      return r;
    }
    return new FailureRecord(
        (r.index() - 1) * attachments.size() + t + 1,
        r.reason(),
        r.at(),
        r.uptime(),
        r.localAddress(),
        r.remoteAddress());
  }

  private InterfaceSnapshot ethernet(EthernetPort port, List<LinkState> states, Duration uptime) {
    boolean wan = port.role() == EthernetPort.Role.WAN;
    int inEvery = wan ? WAN_BACKGROUND_IN_EVERY_SECONDS : LAN_BACKGROUND_IN_EVERY_SECONDS;
    int outEvery = wan ? WAN_BACKGROUND_OUT_EVERY_SECONDS : LAN_BACKGROUND_OUT_EVERY_SECONDS;
    long seconds = uptime.toSeconds();
    long backgroundIn = seconds / inEvery;
    long backgroundOut = seconds / outEvery;
    long packetsIn = 0;
    long bytesIn = 0;
    long packetsOut = 0;
    long bytesOut = 0;
    double rateIn = 0;
    double rateOut = 0;
    double bitsIn = 0;
    double bitsOut = 0;
    for (int t = 0; t < states.size(); t++) {
      LinkState state = states.get(t);
      EndTraffic traffic = state.end(attachments.get(t).side()).traffic();
      int inner = state.traffic().packetBytes();
      // The uplink carries ESP: what this router encrypted goes out, what reached it comes in.
      // The LAN carries plaintext the other way round: what enters the tunnel came in from the
      // LAN, what was decrypted leaves towards it.
      int perPacket = wan ? inner + ESP_OVERHEAD_BYTES : inner;
      long tunnelIn = wan ? traffic.received() : traffic.offered();
      long tunnelOut = wan ? traffic.encrypted() : traffic.received();
      double in = wan ? traffic.receiveRate() : traffic.offerRate();
      double out = wan ? traffic.encryptRate() : traffic.receiveRate();
      packetsIn += tunnelIn;
      bytesIn += tunnelIn * perPacket;
      packetsOut += tunnelOut;
      bytesOut += tunnelOut * perPacket;
      rateIn += in;
      rateOut += out;
      bitsIn += in * perPacket * 8;
      bitsOut += out * perPacket * 8;
    }
    return new InterfaceSnapshot(
        port.name(),
        true,
        port.address(),
        port.mac(),
        null,
        backgroundIn + packetsIn,
        backgroundIn * BACKGROUND_PACKET_BYTES + bytesIn,
        backgroundOut + packetsOut,
        backgroundOut * BACKGROUND_PACKET_BYTES + bytesOut,
        backgroundIn / 4,
        Math.round(bitsIn),
        Math.round(rateIn),
        Math.round(bitsOut),
        Math.round(rateOut),
        Duration.ofSeconds(seconds % inEvery),
        Duration.ofSeconds(seconds % outEvery));
  }

  private InterfaceSnapshot tunnel(TunnelPort tunnel, LinkState state, EndTraffic traffic) {
    int inner = state.traffic().packetBytes();
    long in = traffic.received();
    long out = traffic.offered();
    return new InterfaceSnapshot(
        tunnel.name(),
        state.lineUp(),
        tunnel.address(),
        null,
        tunnel,
        in,
        in * inner,
        out,
        out * inner,
        0,
        Math.round(traffic.receiveRate() * inner * 8),
        Math.round(traffic.receiveRate()),
        Math.round(traffic.offerRate() * inner * 8),
        Math.round(traffic.offerRate()),
        since(traffic.lastReceived(), state.at()),
        since(traffic.lastOffered(), state.at()));
  }

  private static Duration since(Instant then, Instant now) {
    return then == null ? null : Duration.between(then, now);
  }

  /**
   * A router numbers the SAs of all its tunnels from one sequence, so ids never repeat across
   * tunnels: the SA of generation g on tunnel t of m gets sequence number g*m + t (for a single
   * tunnel simply g, so the reference routers print 1001, 2001/2002, SW:1/SW:2 first).
   */
  private int sequence(int generation, int tunnelIndex) {
    return generation * attachments.size() + tunnelIndex;
  }

  private CryptoSnapshot crypto(int t, Attachment attachment, LinkState state, EndTraffic traffic) {
    TunnelLink link = attachment.link();
    Side side = attachment.side();
    String local = link.spec().address(side);
    String peer = link.spec().address(side.peer());
    IkeSa ike = state.ike();
    IkeView ikeView = ike == null ? null : ikeView(t, link, side, state, ike);
    IpsecSaPair pair = state.ipsec();
    EspSaView inbound = null;
    EspSaView outbound = null;
    int packetBytes = state.traffic().packetBytes();
    if (pair != null) {
      long seconds = pair.remainingSeconds(state.at());
      int g = sequence(pair.generation(), t);
      // Each router numbers its own SAs; inbound is installed first, as IOS does.
      inbound =
          new EspSaView(
              pair.inboundSpi(side),
              2001 + 2 * g,
              1 + 2 * g,
              state.remainingKilobytes(side.peer()),
              seconds,
              traffic.saDecrypted(),
              traffic.saDecrypted() * packetBytes,
              g + 1);
      outbound =
          new EspSaView(
              pair.outboundSpi(side),
              2002 + 2 * g,
              2 + 2 * g,
              state.remainingKilobytes(side),
              seconds,
              traffic.saEncrypted(),
              traffic.saEncrypted() * packetBytes,
              g + 1);
    }
    return new CryptoSnapshot(
        config.crypto(),
        config.tunnels().get(t).name(),
        local,
        peer,
        status(state.phase()),
        state.sessionSince() == null || state.phase() == LinkPhase.PHASE1_FAILING
            ? null
            : Duration.between(state.sessionSince(), state.at()),
        ikeView,
        inbound,
        outbound,
        traffic.flowEncrypted(),
        traffic.flowDecrypted(),
        traffic.flowEncrypted() * packetBytes,
        traffic.flowDecrypted() * packetBytes);
  }

  private IkeView ikeView(int t, TunnelLink link, Side side, LinkState state, IkeSa ike) {
    Side initiator = ike.initiator();
    String ikeState;
    String status = "ACTIVE";
    if (state.phase() != LinkPhase.PHASE1_FAILING) {
      ikeState = "QM_IDLE";
    } else if (side == initiator) {
      // With a key mismatch the initiator gets as far as sending its (unverifiable) identity.
      ikeState = state.phase1Reason() == IkeFailReason.AUTH_FAILURE ? "MM_KEY_EXCH" : "MM_NO_STATE";
    } else {
      // The responder throws its half-built SA away on the failure.
      ikeState = "MM_NO_STATE";
      status = "ACTIVE (deleted)";
    }
    int sequence = sequence(ike.generation(), t);
    return new IkeView(
        ike.connId() - ike.generation() + sequence,
        sequence + 1,
        link.spec().address(initiator.peer()),
        link.spec().address(initiator),
        ike.remainingSeconds(state.at()),
        ikeState,
        status,
        sequence + 1);
  }

  private static SessionStatus status(LinkPhase phase) {
    return switch (phase) {
      case UP -> SessionStatus.UP_ACTIVE;
      case PHASE2_FAILING -> SessionStatus.UP_IDLE;
      case PHASE1_FAILING -> SessionStatus.DOWN_NEGOTIATING;
      case DOWN -> SessionStatus.DOWN;
    };
  }
}
