package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.events.RouterEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The shared state of one IPsec-protected GRE tunnel between two routers: the IKE SA, the ESP SA
 * pair, the packets flowing each way, and the faults injected on either end.
 *
 * <p>Both routers read from one object so that their views can never disagree: A's outbound SPI is
 * B's inbound SPI, A's encrypt counter is B's decrypt counter (unless a fault loses packets on the
 * way), a failed main mode shows on both ends.
 *
 * <p>State is advanced lazily: every read first replays, in time order, what happened since the
 * previous read (lifetime expiries, negotiation retries, storm rekeys, the end of a reboot outage),
 * so the result depends only on the clock and the hooks called, never on how often anybody looked.
 * Thread-safe.
 */
public final class TunnelLink implements AutoCloseable {
  /** How often a failing negotiation is retried (traffic keeps triggering new attempts). */
  public static final Duration NEGOTIATION_RETRY = Duration.ofSeconds(10);

  /** How often a rekey storm replaces the SAs. */
  public static final Duration STORM_INTERVAL = Duration.ofSeconds(5);

  /** How long a reloading router stays unreachable for its peer. */
  public static final Duration REBOOT_OUTAGE = Duration.ofSeconds(30);

  private final LinkSpec spec;
  private final Clock clock;
  private final LinkNotifier events;
  private final Map<Side, Endpoint> ends = new EnumMap<>(Side.class);
  private final LinkTraffic counters;
  private final LinkSas sas;
  private final LinkFaults faults;

  private Instant cursor;
  private TrafficProfile traffic;
  private LinkPhase phase = LinkPhase.DOWN;
  private Instant downSince;
  private final LinkTimers timers = new LinkTimers();

  /** Creates a link that is up, with fresh SAs, at the clock's current instant. */
  public TunnelLink(LinkSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
    this.cursor = clock.instant();
    // The start time takes part so that two lab runs do not reuse SPIs, as real peers never would.
    long spiSeed = spec.seed() * 1_000_003L + cursor.getEpochSecond();
    this.events = new LinkNotifier(spec);
    this.traffic = spec.traffic();
    this.counters = new LinkTraffic(cursor);
    for (Side side : Side.values()) {
      ends.put(side, new Endpoint(cursor));
    }
    this.sas = new LinkSas(spec, spiSeed, events, counters, ends);
    this.faults = new LinkFaults(ends);
    reconcile(cursor);
  }

  public LinkSpec spec() {
    return spec;
  }

  /** Declares one end's router: when it booted and the name of its tunnel interface. */
  synchronized void attach(Side side, Instant bootTime, String tunnelInterface) {
    ends.get(side).bootTime = bootTime;
    events.tunnelInterface(side, tunnelInterface);
  }

  /** Registers a listener for the events of one end's router. */
  public void addListener(Side side, RouterEventListener listener) {
    events.addListener(side, listener);
  }

  /** The state at the clock's current instant. */
  public synchronized LinkState state() {
    Instant now = advance();
    return new LinkState(
        now,
        phase,
        sas.sessionSince(),
        downSince,
        sas.ike(),
        sas.ipsec(),
        phase == LinkPhase.PHASE1_FAILING ? faults.phase1Reason() : null,
        traffic,
        spec.ipsecLifetimeKilobytes(),
        end(Side.A, now),
        end(Side.B, now));
  }

  /**
   * Injects a fault on one end.
   *
   * @return false if that (condition) fault was already active there
   */
  public synchronized boolean inject(Side side, Fault fault) {
    Instant now = advance();
    Endpoint end = ends.get(side);
    switch (fault) {
      case REKEY -> rekeyAll(now);
      case REBOOT -> reboot(side, now);
      default -> {
        if (!end.faults.add(fault)) {
          return false;
        }
        if (fault == Fault.HIGH_CPU) {
          end.highCpuSince = now;
          end.highCpuUntil = null;
        }
        reconcile(now);
      }
    }
    return true;
  }

  /**
   * Heals a condition fault on one end. Whatever the fault had broken is renegotiated, so the SAs
   * that come up afterwards have new identities.
   *
   * @return false if it was not active there
   * @throws IllegalArgumentException for a one-shot fault
   */
  public synchronized boolean heal(Side side, Fault fault) {
    if (fault.isOneShot()) {
      throw new IllegalArgumentException(fault.id() + " is a one-shot fault: nothing to heal");
    }
    Instant now = advance();
    Endpoint end = ends.get(side);
    if (!end.faults.remove(fault)) {
      return false;
    }
    if (fault == Fault.HIGH_CPU) {
      end.highCpuUntil = now;
      return true;
    }
    LinkPhase before = phase;
    reconcile(now);
    if (before == LinkPhase.UP && phase == LinkPhase.UP) {
      // Stalls, one-way loss and storms end the way an operator ends them: clear crypto session.
      sas.renegotiate(now);
    }
    return true;
  }

  /** The faults active on one end. */
  public synchronized Set<Fault> faults(Side side) {
    advance();
    return ends.get(side).faultsCopy();
  }

  /** Replaces the ESP SA pair now (new SPIs), as {@code clear crypto sa} with traffic would. */
  public synchronized void rekeyIpsec() {
    Instant now = advance();
    if (sas.ipsec() != null) {
      sas.replaceIpsec(now);
    }
  }

  /** Replaces the IKE SA now (new conn-id); the ESP SAs stay. */
  public synchronized void rekeyIke() {
    Instant now = advance();
    if (sas.ike() != null && phase != LinkPhase.PHASE1_FAILING) {
      sas.replaceIke(now);
    }
  }

  /**
   * Takes the path between the peers down (a {@link Fault#TUNNEL_DOWN} on side A) or brings it back
   * (heals that fault on both sides).
   */
  public synchronized void setUp(boolean wantUp) {
    if (wantUp) {
      heal(Side.A, Fault.TUNNEL_DOWN);
      heal(Side.B, Fault.TUNNEL_DOWN);
    } else {
      inject(Side.A, Fault.TUNNEL_DOWN);
    }
  }

  /** Changes the simulated traffic from now on. */
  public synchronized void setTraffic(TrafficProfile newTraffic) {
    Instant now = advance();
    traffic = newTraffic;
    applyRates(now);
  }

  @Override
  public void close() {
    events.close();
  }

  // ---- transitions ----

  /** Moves to the phase the faults call for, then sets the packet rates and the storm timer. */
  private void reconcile(Instant at) {
    LinkPhase target = faults.desiredPhase();
    if (target != phase) {
      moveTo(target, at);
    }
    applyRates(at);
    timers.storm(phase == LinkPhase.UP && faults.anyEnd(Fault.REKEY_STORM), at);
  }

  private void moveTo(LinkPhase target, Instant at) {
    if (sas.ipsec() != null && target != LinkPhase.UP) {
      sas.stopIpsec(at);
    }
    boolean keepsIke = target == LinkPhase.UP || target == LinkPhase.PHASE2_FAILING;
    if (sas.ike() != null && !(keepsIke && phase != LinkPhase.PHASE1_FAILING)) {
      sas.stopIke(at, phase != LinkPhase.PHASE1_FAILING);
    }
    if (phase == LinkPhase.DOWN && target != LinkPhase.DOWN) {
      downSince = null;
      events.tunnelLink(true, at);
    } else if (target == LinkPhase.DOWN) {
      downSince = at;
      events.tunnelLink(false, at);
    }
    phase = target;
    timers.cancelRetry();
    switch (target) {
      case UP -> sas.establish(at);
      case PHASE2_FAILING -> {
        sas.ensureIke(at);
        failPhase2(at);
      }
      case PHASE1_FAILING -> failPhase1(at);
      case DOWN -> {
        // nothing negotiates without a path
      }
    }
  }

  private void rekeyAll(Instant at) {
    if (phase == LinkPhase.UP || phase == LinkPhase.PHASE2_FAILING) {
      sas.replaceIke(at);
    }
    if (sas.ipsec() != null) {
      sas.replaceIpsec(at);
    }
  }

  private void failPhase1(Instant at) {
    sas.failPhase1(at, faults.phase1Reason());
    timers.retryAfter(at);
  }

  private void failPhase2(Instant at) {
    sas.failPhase2(at, faults.phase2Reason());
    timers.retryAfter(at);
  }

  private void reboot(Side side, Instant at) {
    Endpoint end = ends.get(side);
    end.rebooted(
        at,
        counters.offered(side, at),
        counters.encrypted(side, at),
        counters.delivered(side.peer(), at));
    end.outageUntil = at.plus(REBOOT_OUTAGE);
    events.coldStart(side, at);
    // A router that is reloading reports nothing of the teardown it causes.
    events.silence(side);
    try {
      reconcile(at);
    } finally {
      events.unsilence();
    }
  }

  // ---- traffic ----

  private void applyRates(Instant at) {
    boolean lineUp = phase != LinkPhase.DOWN;
    boolean flowing = phase == LinkPhase.UP && !faults.anyEnd(Fault.STALL);
    for (Side side : Side.values()) {
      counters.setRates(
          side, at, traffic.rateFrom(side), lineUp, flowing, ends.get(side).has(Fault.ONE_WAY));
    }
  }

  private EndState end(Side side, Instant now) {
    Endpoint end = ends.get(side);
    return new EndState(
        end.bootTime,
        end.faults,
        counters.view(side, now, end, sas.ipsec() != null),
        end.counters(),
        end.phase1Log.recent(),
        end.phase2Log.recent(),
        end.highCpuSince,
        end.highCpuUntil);
  }

  // ---- time ----

  /** Replays timed changes up to now and returns now (never earlier than the previous read). */
  private Instant advance() {
    Instant now = clock.instant();
    if (now.isBefore(cursor)) {
      // A clock moved backwards must not un-happen rekeys; hold state where it was.
      now = cursor;
    }
    while (true) {
      TimedChange next = timers.next(sas, phase != LinkPhase.PHASE1_FAILING, ends);
      if (next == null || next.at().isAfter(now)) {
        break;
      }
      cursor = next.at();
      fire(next);
    }
    cursor = now;
    return now;
  }

  private void fire(TimedChange timed) {
    Instant at = timed.at();
    switch (timed.kind()) {
      case IPSEC_EXPIRY -> sas.replaceIpsec(at);
      case IKE_EXPIRY -> sas.replaceIke(at);
      case RETRY -> {
        if (phase == LinkPhase.PHASE1_FAILING) {
          failPhase1(at);
        } else {
          failPhase2(at);
        }
      }
      case STORM -> {
        rekeyAll(at);
        timers.stormRekeyed(at);
      }
      case OUTAGE_END -> {
        ends.get(timed.side()).outageUntil = null;
        reconcile(at);
      }
    }
  }
}
