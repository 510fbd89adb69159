package io.tunnelwatch.agent.http.status;

import java.util.Locale;

/**
 * How a tunnel stands, worst first: the declaration order is the order the status page sorts and
 * counts by. {@link #UNKNOWN} ranks above {@link #DEGRADED}: a tunnel the agent cannot see may be
 * down, while a degraded one is known to carry traffic.
 */
public enum Verdict {
  /** A critical condition is open or the data shows the tunnel cannot carry traffic. */
  DOWN,
  /** The agent cannot tell: the device is not reachable, or its data is stale or missing. */
  UNKNOWN,
  /** It carries traffic, but a warning is open or something is not confirmed yet. */
  DEGRADED,
  /** Every rung of the ladder checked out and nothing is open for it. */
  HEALTHY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
