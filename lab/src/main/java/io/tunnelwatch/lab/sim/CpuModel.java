package io.tunnelwatch.lab.sim;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Low, slightly jittery CPU figures of an idle branch router. The jitter is a pure function of the
 * router and the five-second window, so two reads in one window agree and tests are reproducible.
 */
final class CpuModel {
  private final long seed;

  CpuModel(String hostname) {
    this.seed = hostname.hashCode();
  }

  CpuLoad at(Instant now) {
    long window = Math.floorDiv(now.getEpochSecond(), 5);
    SplittableRandom random = new SplittableRandom(seed * 31 + window);
    int fiveSecond = 1 + random.nextInt(5);
    int interrupt = Math.min(fiveSecond, random.nextInt(2));
    SplittableRandom slow = new SplittableRandom(seed * 31 + Math.floorDiv(window, 12));
    int oneMinute = 2 + slow.nextInt(2);
    return new CpuLoad(fiveSecond, interrupt, oneMinute, 2);
  }
}
