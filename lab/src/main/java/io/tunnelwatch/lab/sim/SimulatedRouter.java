package io.tunnelwatch.lab.sim;

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
import java.util.List;

/**
 * One simulated router: its configuration plus its end of a {@link TunnelLink}. Holds no state of
 * its own; everything is derived from the clock and the link on each {@link #snapshot()}.
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
  private final TunnelLink link;
  private final Side side;
  private final CpuModel cpuModel;

  /**
   * @param side which end of {@code link} this router is
   */
  public SimulatedRouter(RouterConfig config, Clock clock, TunnelLink link, Side side) {
    this.config = config;
    this.link = link;
    this.side = side;
    this.cpuModel = new CpuModel(config.hostname());
    link.attach(side, clock.instant().minus(config.uptimeAtStart()), config.tunnel().name());
  }

  public RouterConfig config() {
    return config;
  }

  public TunnelLink link() {
    return link;
  }

  public Side side() {
    return side;
  }

  /** Registers a listener for this router's events (see {@link RouterEvent}). */
  public void addListener(RouterEventListener listener) {
    link.addListener(side, listener);
  }

  /** The router as it is now. */
  public RouterSnapshot snapshot() {
    LinkState state = link.state();
    EndState end = state.end(side);
    Instant now = state.at();
    Duration uptime = Duration.between(end.bootTime(), now);
    List<InterfaceSnapshot> interfaces = new ArrayList<>();
    for (EthernetPort port : config.ethernetPorts()) {
      interfaces.add(ethernet(port, state, end.traffic(), uptime));
    }
    interfaces.add(tunnel(state, end.traffic()));
    return new RouterSnapshot(
        config,
        now,
        uptime,
        cpuModel.at(now, end.highCpuSince(), end.highCpuUntil()),
        interfaces,
        crypto(state, end.traffic()),
        end.bootTime(),
        end.failures(),
        end.phase1Failures(),
        end.phase2Failures(),
        end.faults());
  }

  private InterfaceSnapshot ethernet(
      EthernetPort port, LinkState state, EndTraffic traffic, Duration uptime) {
    boolean wan = port.role() == EthernetPort.Role.WAN;
    int inEvery = wan ? WAN_BACKGROUND_IN_EVERY_SECONDS : LAN_BACKGROUND_IN_EVERY_SECONDS;
    int outEvery = wan ? WAN_BACKGROUND_OUT_EVERY_SECONDS : LAN_BACKGROUND_OUT_EVERY_SECONDS;
    long seconds = uptime.toSeconds();
    long backgroundIn = seconds / inEvery;
    long backgroundOut = seconds / outEvery;
    int inner = state.traffic().packetBytes();
    // The uplink carries ESP: what this router encrypted goes out, what reached it comes in. The
    // LAN carries plaintext the other way round: what enters the tunnel came in from the LAN,
    // what was decrypted leaves towards it.
    int perPacket = wan ? inner + ESP_OVERHEAD_BYTES : inner;
    long tunnelIn = wan ? traffic.received() : traffic.offered();
    long tunnelOut = wan ? traffic.encrypted() : traffic.received();
    double rateIn = wan ? traffic.receiveRate() : traffic.offerRate();
    double rateOut = wan ? traffic.encryptRate() : traffic.receiveRate();
    return new InterfaceSnapshot(
        port.name(),
        true,
        port.address(),
        port.mac(),
        null,
        backgroundIn + tunnelIn,
        backgroundIn * BACKGROUND_PACKET_BYTES + tunnelIn * perPacket,
        backgroundOut + tunnelOut,
        backgroundOut * BACKGROUND_PACKET_BYTES + tunnelOut * perPacket,
        backgroundIn / 4,
        Math.round(rateIn * perPacket * 8),
        Math.round(rateIn),
        Math.round(rateOut * perPacket * 8),
        Math.round(rateOut),
        Duration.ofSeconds(seconds % inEvery),
        Duration.ofSeconds(seconds % outEvery));
  }

  private InterfaceSnapshot tunnel(LinkState state, EndTraffic traffic) {
    TunnelPort tunnel = config.tunnel();
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

  private CryptoSnapshot crypto(LinkState state, EndTraffic traffic) {
    String local = link.spec().address(side);
    String peer = link.spec().address(side.peer());
    IkeSa ike = state.ike();
    IkeView ikeView = ike == null ? null : ikeView(state, ike);
    IpsecSaPair pair = state.ipsec();
    EspSaView inbound = null;
    EspSaView outbound = null;
    if (pair != null) {
      long seconds = pair.remainingSeconds(state.at());
      int g = pair.generation();
      // Each router numbers its own SAs; inbound is installed first, as IOS does.
      inbound =
          new EspSaView(
              pair.inboundSpi(side),
              2001 + 2 * g,
              1 + 2 * g,
              state.remainingKilobytes(side.peer()),
              seconds,
              traffic.saDecrypted(),
              traffic.saDecrypted() * state.traffic().packetBytes(),
              g + 1);
      outbound =
          new EspSaView(
              pair.outboundSpi(side),
              2002 + 2 * g,
              2 + 2 * g,
              state.remainingKilobytes(side),
              seconds,
              traffic.saEncrypted(),
              traffic.saEncrypted() * state.traffic().packetBytes(),
              g + 1);
    }
    return new CryptoSnapshot(
        config.crypto(),
        config.tunnel().name(),
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
        traffic.flowDecrypted());
  }

  private IkeView ikeView(LinkState state, IkeSa ike) {
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
    return new IkeView(
        ike.connId(),
        ike.generation() + 1,
        link.spec().address(initiator.peer()),
        link.spec().address(initiator),
        ike.remainingSeconds(state.at()),
        ikeState,
        status,
        ike.generation() + 1);
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
