package io.tunnelwatch.snmp.trap;

/**
 * How many notifications are taken: {@code perSecond} on average, {@code burst} at once.
 *
 * @param perSecond the sustained rate, above 0
 * @param burst how many may come at once, at least 1
 */
public record TrapRateLimit(double perSecond, int burst) {

  /** Per device: a router in trouble sends a few per second; a burst covers a flapping link. */
  public static final TrapRateLimit PER_DEVICE = new TrapRateLimit(10, 100);

  /** For the whole receiver: what the event tracker digests without falling behind polls. */
  public static final TrapRateLimit TOTAL = new TrapRateLimit(500, 5000);

  public TrapRateLimit {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("expected a rate above 0 per second, got " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("expected a burst of at least 1, got " + burst);
    }
  }

  /** A rate with a burst of ten seconds' worth. */
  public static TrapRateLimit perSecond(double perSecond) {
    return new TrapRateLimit(perSecond, (int) Math.max(1, Math.min(1_000_000, perSecond * 10)));
  }
}
