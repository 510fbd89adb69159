package io.tunnelwatch.lab.sim;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The packet counters of one link. Per sending side there are three: packets offered to the tunnel
 * (the sender's tunnel output), packets encrypted (ESP out of its uplink, {@code #pkts encrypt})
 * and packets delivered (decrypted by the peer: its {@code #pkts decrypt} and tunnel input).
 * Healthy, all three move together; faults stop some of them. Flow and SA counters are differences
 * from the values when the flow or the SA began.
 *
 * <p>Not thread-safe: owned and guarded by its {@link TunnelLink}.
 */
final class LinkTraffic {
  private final Map<Side, DirectionCounter> offered = new EnumMap<>(Side.class);
  private final Map<Side, DirectionCounter> encrypted = new EnumMap<>(Side.class);
  private final Map<Side, DirectionCounter> delivered = new EnumMap<>(Side.class);
  private final Map<Side, Bases> flowStart = new EnumMap<>(Side.class);
  private final Map<Side, Bases> saStart = new EnumMap<>(Side.class);

  /** Encrypted and delivered counts of one sender when something began. */
  private record Bases(long encrypted, long delivered) {}

  LinkTraffic(Instant start) {
    for (Side side : Side.values()) {
      offered.put(side, new DirectionCounter(start, 0));
      encrypted.put(side, new DirectionCounter(start, 0));
      delivered.put(side, new DirectionCounter(start, 0));
      flowStart.put(side, new Bases(0, 0));
      saStart.put(side, new Bases(0, 0));
    }
  }

  /**
   * Sets one sender's rates from now on.
   *
   * @param rate packets per second the sender's LAN routes into the tunnel
   * @param lineUp the tunnel interface is up, so traffic is routed into it at all
   * @param flowing an IPsec SA is there and encrypting
   * @param lost the sender's ESP packets never reach the peer
   */
  void setRates(
      Side sender, Instant at, double rate, boolean lineUp, boolean flowing, boolean lost) {
    setRate(offered.get(sender), at, lineUp ? rate : 0);
    setRate(encrypted.get(sender), at, flowing ? rate : 0);
    setRate(delivered.get(sender), at, flowing && !lost ? rate : 0);
  }

  private static void setRate(DirectionCounter counter, Instant at, double rate) {
    if (counter.rate() != rate) {
      counter.setRate(at, rate);
    }
  }

  /** A new IPsec flow begins: its {@code #pkts} counters start from 0. */
  void startFlow(Instant at) {
    for (Side side : Side.values()) {
      flowStart.put(side, bases(side, at));
    }
  }

  /** A new SA pair is installed: its own counters start from 0. */
  void startSa(Instant at) {
    for (Side side : Side.values()) {
      saStart.put(side, bases(side, at));
    }
  }

  private Bases bases(Side sender, Instant at) {
    return new Bases(encrypted.get(sender).count(at), delivered.get(sender).count(at));
  }

  long offered(Side sender, Instant at) {
    return offered.get(sender).count(at);
  }

  long encrypted(Side sender, Instant at) {
    return encrypted.get(sender).count(at);
  }

  long delivered(Side sender, Instant at) {
    return delivered.get(sender).count(at);
  }

  /**
   * One router's view of the counters.
   *
   * @param hasSa whether an IPsec SA pair (and so a flow) exists now
   */
  EndState.EndTraffic view(Side side, Instant now, Endpoint end, boolean hasSa) {
    Side peer = side.peer();
    long sent = encrypted(side, now);
    long received = delivered(peer, now);
    return new EndState.EndTraffic(
        offered(side, now) - end.offeredAtBoot,
        sent - end.encryptedAtBoot,
        received - end.receivedAtBoot,
        hasSa ? sent - flowStart.get(side).encrypted() : 0,
        hasSa ? received - flowStart.get(peer).delivered() : 0,
        hasSa ? sent - saStart.get(side).encrypted() : 0,
        hasSa ? received - saStart.get(peer).delivered() : 0,
        sinceBoot(offered.get(side).lastPacket(now), end.bootTime),
        sinceBoot(delivered.get(peer).lastPacket(now), end.bootTime),
        offered.get(side).rate(),
        encrypted.get(side).rate(),
        delivered.get(peer).rate());
  }

  private static Instant sinceBoot(Instant packet, Instant bootTime) {
    return packet == null || packet.isBefore(bootTime) ? null : packet;
  }
}
