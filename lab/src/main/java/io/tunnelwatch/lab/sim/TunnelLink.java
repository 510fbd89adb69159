package io.tunnelwatch.lab.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The shared state of one IPsec-protected GRE tunnel between two routers: the IKE SA, the ESP SA
 * pair, and the packets flowing each way.
 *
 * <p>Both routers read from one object so that their views can never disagree: A's outbound SPI is
 * B's inbound SPI, A's encrypt counter is B's decrypt counter.
 *
 * <p>State is advanced lazily: every read first replays, in time order, the lifetime expiries that
 * happened since the previous read, so the result depends only on the clock and the hooks called,
 * never on how often anybody looked. Thread-safe.
 */
public final class TunnelLink {
  private static final int FIRST_IKE_CONN_ID = 1001;

  private final LinkSpec spec;
  private final Clock clock;
  private final long spiSeed;

  private Instant cursor;
  private TrafficProfile traffic;
  private final DirectionCounter aToB;
  private final DirectionCounter bToA;
  private boolean up;
  private Instant upSince;
  private Instant downSince;
  private IkeSa ike;
  private IpsecSaPair ipsec;
  private long flowBaseAtoB;
  private long flowBaseBtoA;
  private int nextIkeGeneration;
  private int nextIpsecGeneration;

  /** Creates a link that is up, with fresh SAs, at the clock's current instant. */
  public TunnelLink(LinkSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
    this.cursor = clock.instant();
    // The start time takes part so that two lab runs do not reuse SPIs, as real peers never would.
    this.spiSeed = spec.seed() * 1_000_003L + cursor.getEpochSecond();
    this.traffic = spec.traffic();
    this.aToB = new DirectionCounter(cursor, traffic.packetsPerSecondAtoB());
    this.bToA = new DirectionCounter(cursor, traffic.packetsPerSecondBtoA());
    establish(cursor);
  }

  public LinkSpec spec() {
    return spec;
  }

  /** The state at the clock's current instant. */
  public synchronized LinkState state() {
    Instant now = advance();
    long sentA = aToB.count(now);
    long sentB = bToA.count(now);
    return new LinkState(
        now,
        up,
        upSince,
        downSince,
        ike,
        ipsec,
        sentA,
        sentB,
        up ? sentA - flowBaseAtoB : 0,
        up ? sentB - flowBaseBtoA : 0,
        aToB.lastPacket(now),
        bToA.lastPacket(now),
        traffic,
        spec.ipsecLifetimeKilobytes());
  }

  /** Replaces the ESP SA pair now (new SPIs), as {@code clear crypto sa} with traffic would. */
  public synchronized void rekeyIpsec() {
    Instant now = advance();
    if (up) {
      installIpsec(now);
    }
  }

  /** Replaces the IKE SA now (new conn-id); the ESP SAs stay. */
  public synchronized void rekeyIke() {
    Instant now = advance();
    if (up) {
      installIke(now);
    }
  }

  /**
   * Takes the path between the peers down or brings it back. Down deletes all SAs and stops
   * traffic; up negotiates a new IKE SA and a new ESP pair and restarts the flow counters.
   */
  public synchronized void setUp(boolean wantUp) {
    Instant now = advance();
    if (wantUp == up) {
      return;
    }
    if (wantUp) {
      establish(now);
    } else {
      up = false;
      upSince = null;
      downSince = now;
      ike = null;
      ipsec = null;
      aToB.setRate(now, 0);
      bToA.setRate(now, 0);
    }
  }

  /** Changes the simulated traffic from now on (applies once the link is up if it is down). */
  public synchronized void setTraffic(TrafficProfile newTraffic) {
    Instant now = advance();
    traffic = newTraffic;
    if (up) {
      aToB.setRate(now, newTraffic.packetsPerSecondAtoB());
      bToA.setRate(now, newTraffic.packetsPerSecondBtoA());
    }
  }

  private void establish(Instant now) {
    up = true;
    upSince = now;
    downSince = null;
    aToB.setRate(now, traffic.packetsPerSecondAtoB());
    bToA.setRate(now, traffic.packetsPerSecondBtoA());
    flowBaseAtoB = aToB.count(now);
    flowBaseBtoA = bToA.count(now);
    installIke(now);
    installIpsec(now);
  }

  private void installIke(Instant at) {
    int generation = nextIkeGeneration++;
    ike = new IkeSa(generation, FIRST_IKE_CONN_ID + generation, at, spec.ikeLifetime(), Side.A);
  }

  private void installIpsec(Instant at) {
    int generation = nextIpsecGeneration++;
    SplittableRandom random = new SplittableRandom(spiSeed * 31 + generation);
    long spiAtoB = randomSpi(random);
    long spiBtoA;
    do {
      spiBtoA = randomSpi(random);
    } while (spiBtoA == spiAtoB);
    ipsec =
        new IpsecSaPair(
            generation, at, spec.ipsecLifetime(), spiAtoB, spiBtoA, aToB.count(at), bToA.count(at));
  }

  private static long randomSpi(SplittableRandom random) {
    // SPIs 0-255 are reserved by RFC 4303; IOS never picks tiny ones anyway.
    return 0x1000_0000L + random.nextLong(0xE000_0000L);
  }

  /** Replays expiries up to now and returns now (never earlier than the previous read). */
  private Instant advance() {
    Instant now = clock.instant();
    if (now.isBefore(cursor)) {
      // A clock moved backwards must not un-happen rekeys; hold state where it was.
      now = cursor;
    }
    while (up) {
      Instant ipsecEnd = ipsec.expiry();
      Instant ikeEnd = ike.expiry();
      if (!ipsecEnd.isAfter(now) && !ipsecEnd.isAfter(ikeEnd)) {
        installIpsec(ipsecEnd);
      } else if (!ikeEnd.isAfter(now)) {
        installIke(ikeEnd);
      } else {
        break;
      }
    }
    cursor = now;
    return now;
  }
}
