package io.tunnelwatch.agent.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the state tracker judges one device (docs/events.md).
 *
 * @param unreachableAfterPolls failed polls in a row before {@code device_unreachable} opens
 * @param negotiationFailurePolls polls in a row with IKE (or a flow) not established while it
 *     should be before {@code phase1_failure} ({@code phase2_failure}) opens
 * @param trafficWindow how long encrypt/decrypt counters must stand still before {@code
 *     counters_stalled} or {@code one_way_traffic} opens
 * @param stormWindow the sliding window rekeys are counted in
 * @param stormRekeys rekeys in the window above which a storm opens (when the lifetime does not
 *     explain more)
 * @param ikeLifetime the configured ISAKMP SA lifetime: what explains IKE rekeys
 * @param ipsecLifetime the configured IPsec SA lifetime: what explains IPsec rekeys
 * @param cpuThreshold CPU ratio (one-minute average) above which the CPU counts as high
 * @param cpuWindow how long the CPU must stay high before {@code high_cpu} opens
 * @param expectedTunnels tunnel interfaces that must exist and be up; empty: those seen before
 * @param expectedPeers IKE peers that must be established; empty: those seen before
 * @param forgetAfter how long a tunnel, peer or flow that is not expected may be absent before it
 *     is forgotten ({@code object_retired})
 */
public record TrackerSettings(
    int unreachableAfterPolls,
    int negotiationFailurePolls,
    Duration trafficWindow,
    Duration stormWindow,
    int stormRekeys,
    Duration ikeLifetime,
    Duration ipsecLifetime,
    double cpuThreshold,
    Duration cpuWindow,
    Set<String> expectedTunnels,
    Set<String> expectedPeers,
    Duration forgetAfter) {

  public static final TrackerSettings DEFAULTS =
      new TrackerSettings(
          3,
          2,
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          3,
          Duration.ofDays(1),
          Duration.ofHours(1),
          0.9,
          Duration.ofMinutes(5),
          Set.of(),
          Set.of(),
          Duration.ofDays(7));

  public TrackerSettings {
    requireAtLeastOne("unreachableAfterPolls", unreachableAfterPolls);
    requireAtLeastOne("negotiationFailurePolls", negotiationFailurePolls);
    requireAtLeastOne("stormRekeys", stormRekeys);
    requirePositive("trafficWindow", trafficWindow);
    requirePositive("stormWindow", stormWindow);
    requirePositive("ikeLifetime", ikeLifetime);
    requirePositive("ipsecLifetime", ipsecLifetime);
    requirePositive("cpuWindow", cpuWindow);
    requirePositive("forgetAfter", forgetAfter);
    if (!(cpuThreshold > 0.0 && cpuThreshold <= 1.0)) {
      throw new IllegalArgumentException(
          "cpuThreshold must be a ratio in (0, 1], was " + cpuThreshold);
    }
    expectedTunnels = Set.copyOf(expectedTunnels);
    expectedPeers = Set.copyOf(expectedPeers);
  }

  /** How many rekeys within the storm window the lifetime alone explains. */
  long explainedRekeys(Duration lifetime) {
    return (stormWindow.toMillis() + lifetime.toMillis() - 1) / lifetime.toMillis();
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
