package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.sim.CryptoSnapshot.EspSaView;
import io.tunnelwatch.lab.sim.CryptoSnapshot.IkeView;
import io.tunnelwatch.lab.sim.CryptoSnapshot.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated router: its configuration plus its end of one {@link TunnelLink} per tunnel. Holds
 * no counters of its own; everything is derived from the clock and the links on each {@link
 * #snapshot()}.
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
  private final Clock clock;
  private final Instant bootTime;
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
    this.clock = clock;
    this.bootTime = clock.instant().minus(config.uptimeAtStart());
    this.attachments = List.copyOf(attachments);
    this.cpuModel = new CpuModel(config.hostname());
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

  /** The router as it is now. */
  public RouterSnapshot snapshot() {
    List<LinkState> states = new ArrayList<>();
    for (Attachment a : attachments) {
      states.add(a.link().state());
    }
    // Links read the clock one after the other; the router's instant is the latest of them.
    Instant now = states.stream().map(LinkState::at).max(Instant::compareTo).orElseThrow();
    Duration uptime = Duration.between(bootTime, now);
    List<InterfaceSnapshot> interfaces = new ArrayList<>();
    for (EthernetPort port : config.ethernetPorts()) {
      interfaces.add(ethernet(port, states, uptime));
    }
    List<CryptoSnapshot> sessions = new ArrayList<>();
    for (int t = 0; t < attachments.size(); t++) {
      interfaces.add(tunnel(config.tunnels().get(t), states.get(t), attachments.get(t).side()));
      sessions.add(crypto(t, attachments.get(t), states.get(t)));
    }
    return new RouterSnapshot(
        config, now, uptime, cpuModel.at(now), interfaces, sessions.get(0), sessions);
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
      Side side = attachments.get(t).side();
      long sent = state.sentBy(side);
      long received = state.sentBy(side.peer());
      int inner = state.traffic().packetBytes();
      // On the LAN port the tunnel traffic is plaintext going the opposite way: what this router
      // encrypts came in from its LAN, what it decrypts leaves towards its LAN.
      int perPacket = wan ? inner + ESP_OVERHEAD_BYTES : inner;
      long tunnelIn = wan ? received : sent;
      long tunnelOut = wan ? sent : received;
      packetsIn += tunnelIn;
      bytesIn += tunnelIn * perPacket;
      packetsOut += tunnelOut;
      bytesOut += tunnelOut * perPacket;
      double in = state.up() ? state.traffic().rateFrom(wan ? side.peer() : side) : 0;
      double out = state.up() ? state.traffic().rateFrom(wan ? side : side.peer()) : 0;
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

  private InterfaceSnapshot tunnel(TunnelPort tunnel, LinkState state, Side side) {
    int inner = state.traffic().packetBytes();
    long in = state.sentBy(side.peer());
    long out = state.sentBy(side);
    double rateIn = state.up() ? state.traffic().rateFrom(side.peer()) : 0;
    double rateOut = state.up() ? state.traffic().rateFrom(side) : 0;
    return new InterfaceSnapshot(
        tunnel.name(),
        state.up(),
        tunnel.address(),
        null,
        tunnel,
        in,
        in * inner,
        out,
        out * inner,
        0,
        Math.round(rateIn * inner * 8),
        Math.round(rateIn),
        Math.round(rateOut * inner * 8),
        Math.round(rateOut),
        since(state.lastPacketFrom(side.peer()), state.at()),
        since(state.lastPacketFrom(side), state.at()));
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

  private CryptoSnapshot crypto(int t, Attachment attachment, LinkState state) {
    TunnelPort tunnel = config.tunnels().get(t);
    TunnelLink link = attachment.link();
    Side side = attachment.side();
    String local = link.spec().address(side);
    String peer = link.spec().address(side.peer());
    if (!state.up()) {
      return new CryptoSnapshot(
          config.crypto(),
          tunnel.name(),
          local,
          peer,
          SessionStatus.DOWN,
          null,
          null,
          null,
          null,
          0,
          0,
          0,
          0);
    }
    IkeSa ike = state.ike();
    Side initiator = ike.initiator();
    IkeView ikeView =
        new IkeView(
            ike.connId() - ike.generation() + sequence(ike.generation(), t),
            sequence(ike.generation(), t) + 1,
            link.spec().address(initiator.peer()),
            link.spec().address(initiator),
            ike.remainingSeconds(state.at()));
    IpsecSaPair pair = state.ipsec();
    long seconds = pair.remainingSeconds(state.at());
    int g = sequence(pair.generation(), t);
    // Each router numbers its own SAs; inbound is installed first, as IOS does.
    EspSaView inbound =
        new EspSaView(
            pair.inboundSpi(side),
            2001 + 2 * g,
            1 + 2 * g,
            state.remainingKilobytes(side.peer()),
            seconds);
    EspSaView outbound =
        new EspSaView(
            pair.outboundSpi(side),
            2002 + 2 * g,
            2 + 2 * g,
            state.remainingKilobytes(side),
            seconds);
    return new CryptoSnapshot(
        config.crypto(),
        tunnel.name(),
        local,
        peer,
        SessionStatus.UP_ACTIVE,
        Duration.between(state.upSince(), state.at()),
        ikeView,
        inbound,
        outbound,
        state.flowSentBy(side),
        state.flowSentBy(side.peer()),
        state.flowSentBy(side) * state.traffic().packetBytes(),
        state.flowSentBy(side.peer()) * state.traffic().packetBytes());
  }
}
