package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Low, slightly jittery CPU figures of an idle branch router, or about 95% while the CPU is pinned.
 * The jitter is a pure function of the router and the five-second window, so two reads in one
 * window agree and tests are reproducible. The one- and five-minute figures are averages over their
 * window, so they climb after the CPU gets pinned and fall back after it is freed, as a real
 * router's do.
 */
final class CpuModel {
  private static final int PINNED = 95;

  private final long seed;

  CpuModel(String hostname) {
    this.seed = hostname.hashCode();
  }

  /**
   * @param pinnedSince start of the last pinned period; null if none
   * @param pinnedUntil its end; null while it lasts
   */
  CpuLoad at(Instant now, Instant pinnedSince, Instant pinnedUntil) {
    long window = Math.floorDiv(now.getEpochSecond(), 5);
    SplittableRandom random = new SplittableRandom(seed * 31 + window);
    int idleFive = 1 + random.nextInt(5);
    int idleInterrupt = Math.min(idleFive, random.nextInt(2));
    SplittableRandom slow = new SplittableRandom(seed * 31 + Math.floorDiv(window, 12));
    int idleOne = 2 + slow.nextInt(2);
    int idleFiveMinutes = 2;
    if (pinnedSince == null) {
      return new CpuLoad(idleFive, idleInterrupt, idleOne, idleFiveMinutes);
    }
    int pinnedFive = PINNED - 2 + random.nextInt(5);
    double fiveShare = share(now, Duration.ofSeconds(5), pinnedSince, pinnedUntil);
    int fiveSecond = blend(idleFive, pinnedFive, fiveShare);
    // Crypto work runs at interrupt level: most of a pinned CPU shows up there.
    int interrupt = blend(idleInterrupt, pinnedFive - 30, fiveShare);
    int oneMinute =
        blend(idleOne, PINNED, share(now, Duration.ofMinutes(1), pinnedSince, pinnedUntil));
    int fiveMinute =
        blend(idleFiveMinutes, PINNED, share(now, Duration.ofMinutes(5), pinnedSince, pinnedUntil));
    return new CpuLoad(fiveSecond, Math.min(interrupt, fiveSecond), oneMinute, fiveMinute);
  }

  /** The part of the window ending now that fell into the pinned period. */
  private static double share(Instant now, Duration window, Instant since, Instant until) {
    Instant windowStart = now.minus(window);
    Instant end = until == null || until.isAfter(now) ? now : until;
    Instant start = since.isAfter(windowStart) ? since : windowStart;
    if (!end.isAfter(start)) {
      return 0;
    }
    return Duration.between(start, end).toMillis() / (double) window.toMillis();
  }

  private static int blend(int idle, int pinned, double share) {
    return (int) Math.round(idle + (pinned - idle) * share);
  }
}
