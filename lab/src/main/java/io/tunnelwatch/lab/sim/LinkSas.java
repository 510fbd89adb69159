package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.events.FailureReason;
import io.tunnelwatch.lab.events.FailureRecord;
import io.tunnelwatch.lab.events.IkeFailReason;
import io.tunnelwatch.lab.events.IpsecFailReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The security associations of one {@link TunnelLink}: the IKE SA and the ESP SA pair, started,
 * replaced and stopped as the link's phase asks, and the failed negotiations counted and logged on
 * both ends. Not thread-safe: guarded by its link.
 */
final class LinkSas {

  private static final int FIRST_IKE_CONN_ID = 1001;

  private final LinkSpec spec;
  private final long spiSeed;
  private final LinkNotifier events;
  private final LinkTraffic counters;
  private final Map<Side, Endpoint> ends;

  private IkeSa ike;
  private IpsecSaPair ipsec;
  private Instant sessionSince;
  private int nextIkeGeneration;
  private int nextIpsecGeneration;

  /**
   * @param spiSeed makes the SPIs of this link and lab run its own
   */
  LinkSas(
      LinkSpec spec,
      long spiSeed,
      LinkNotifier events,
      LinkTraffic counters,
      Map<Side, Endpoint> ends) {
    this.spec = spec;
    this.spiSeed = spiSeed;
    this.events = events;
    this.counters = counters;
    this.ends = ends;
  }

  /** The IKE SA, or the last failed attempt's while phase 1 fails; null when there is none. */
  IkeSa ike() {
    return ike;
  }

  /** The ESP SA pair; null when there is none. */
  IpsecSaPair ipsec() {
    return ipsec;
  }

  /** Since when the session has been up (across IKE rekeys); null when it is not. */
  Instant sessionSince() {
    return sessionSince;
  }

  /** Brings the session up: the IKE SA if there is none yet, a new flow and an ESP SA pair. */
  void establish(Instant at) {
    ensureIke(at);
    counters.startFlow(at);
    startIpsec(at);
  }

  /** Tears the session down and builds it again: new IKE conn-id, new SPIs, a new flow. */
  void renegotiate(Instant at) {
    stopIpsec(at);
    stopIke(at, true);
    startIke(at);
    counters.startFlow(at);
    startIpsec(at);
  }

  void ensureIke(Instant at) {
    if (ike == null) {
      startIke(at);
    }
  }

  void startIke(Instant at) {
    int generation = nextIkeGeneration++;
    ike = new IkeSa(generation, FIRST_IKE_CONN_ID + generation, at, spec.ikeLifetime(), Side.A);
    sessionSince = at;
    events.ike(true, ike, at);
  }

  /**
   * @param announce false while phase 1 was failing: the attempt's SA never came up to go down
   */
  void stopIke(Instant at, boolean announce) {
    if (announce) {
      events.ike(false, ike, at);
    }
    ike = null;
    sessionSince = null;
  }

  /** A new IKE SA (new conn-id) in the same session. */
  void replaceIke(Instant at) {
    events.ike(false, ike, at);
    Instant since = sessionSince;
    startIke(at);
    sessionSince = since;
  }

  void startIpsec(Instant at) {
    int generation = nextIpsecGeneration++;
    SplittableRandom random = new SplittableRandom(spiSeed * 31 + generation);
    long spiAtoB = randomSpi(random);
    long spiBtoA;
    do {
      spiBtoA = randomSpi(random);
    } while (spiBtoA == spiAtoB);
    long sentA = counters.encrypted(Side.A, at);
    long sentB = counters.encrypted(Side.B, at);
    ipsec = new IpsecSaPair(generation, at, spec.ipsecLifetime(), spiAtoB, spiBtoA, sentA, sentB);
    counters.startSa(at);
    events.ipsec(true, ipsec, at);
  }

  void stopIpsec(Instant at) {
    events.ipsec(false, ipsec, at);
    ipsec = null;
  }

  void replaceIpsec(Instant at) {
    stopIpsec(at);
    startIpsec(at);
  }

  /** One failed main mode: counted and logged on both ends. */
  void failPhase1(Instant at, IkeFailReason reason) {
    // Every attempt allocates an SA, and so a conn-id, before it fails.
    int generation = nextIkeGeneration++;
    ike = new IkeSa(generation, FIRST_IKE_CONN_ID + generation, at, Duration.ZERO, Side.A);
    Endpoint initiator = ends.get(Side.A);
    Endpoint responder = ends.get(Side.B);
    initiator.ikeInitTunnelFails++;
    responder.ikeRespTunnelFails++;
    if (reason == IkeFailReason.AUTH_FAILURE) {
      initiator.ikeAuthFails++;
      responder.ikeAuthFails++;
    }
    for (Side side : Side.values()) {
      fail(side, ends.get(side).phase1Log, reason, at);
    }
  }

  /** One failed quick mode: counted and logged on both ends. */
  void failPhase2(Instant at, IpsecFailReason reason) {
    for (Side side : Side.values()) {
      ends.get(side).ipsecProtocolUseFails++;
      fail(side, ends.get(side).phase2Log, reason, at);
    }
  }

  private void fail(Side side, FailureLog log, FailureReason reason, Instant at) {
    Duration uptime = Duration.between(ends.get(side).bootTime, at);
    FailureRecord record =
        log.add(reason, at, uptime, spec.address(side), spec.address(side.peer()));
    events.failure(side, record);
  }

  private static long randomSpi(SplittableRandom random) {
    // SPIs 0-255 are reserved by RFC 4303; IOS never picks tiny ones anyway.
    return 0x1000_0000L + random.nextLong(0xE000_0000L);
  }
}
