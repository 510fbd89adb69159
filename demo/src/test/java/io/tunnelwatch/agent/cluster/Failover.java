package io.tunnelwatch.agent.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One member's failure as the others saw it.
 *
 * @param member the member killed
 * @param killed when the kill signal was sent
 * @param repolled each of its devices, and when another member's first successful poll of it ended
 */
record Failover(String member, Instant killed, Map<String, Instant> repolled) {

  Failover {
    repolled = Map.copyOf(repolled);
  }

  /** From the kill until the last of the member's devices was polled again: the outage. */
  Duration longest() {
    return repolled.values().stream()
        .map(at -> Duration.between(killed, at))
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** From the kill until the first of them was polled again. */
  Duration shortest() {
    return repolled.values().stream()
        .map(at -> Duration.between(killed, at))
        .min(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%s killed: its %d devices polled again by the others after %.2f s (first) to %.2f s (last)",
        member,
        repolled.size(),
        shortest().toMillis() / 1000.0,
        longest().toMillis() / 1000.0);
  }
}
