package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@code events} block, top-level or under a device: every key given must be usable. */
final class EventsValidator {

  /** Windows are kept in memory per device; a week is more history than any rule needs. */
  static final Duration MAX_WINDOW = Duration.ofDays(7);

  /** IOS accepts ISAKMP and IPsec SA lifetimes up to 86400 seconds. */
  static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** Objects absent longer than this are forgotten at the latest; a year covers any outage. */
  static final Duration MAX_FORGET_AFTER = Duration.ofDays(366);

  private EventsValidator() {}

  /**
   * @param perDevice whether the block is a device's, the only place expected tunnels and peers are
   *     allowed
   */
  static void validate(ConfigChecks checks, String path, EventsConfig events, boolean perDevice) {
    atLeastOne(checks, path + ".unreachable_after_polls", events.unreachableAfterPolls());
    atLeastOne(checks, path + ".negotiation_failure_polls", events.negotiationFailurePolls());
    atLeastOne(checks, path + ".storm_rekeys", events.stormRekeys());
    boundedIfSet(checks, path + ".traffic_window", events.trafficWindow(), MAX_WINDOW);
    boundedIfSet(checks, path + ".storm_window", events.stormWindow(), MAX_WINDOW);
    boundedIfSet(checks, path + ".ike_lifetime", events.ikeLifetime(), MAX_LIFETIME);
    boundedIfSet(checks, path + ".ipsec_lifetime", events.ipsecLifetime(), MAX_LIFETIME);
    boundedIfSet(checks, path + ".cpu_window", events.cpuWindow(), MAX_WINDOW);
    boundedIfSet(checks, path + ".forget_after", events.forgetAfter(), MAX_FORGET_AFTER);
    events
        .cpuThreshold()
        .filter(cpu -> !(cpu > 0.0 && cpu <= 1.0))
        .ifPresent(
            cpu ->
                checks.problem(
                    path + ".cpu_threshold",
                    "expected a ratio above 0 and at most 1 (0.9 means 90%), got " + cpu));
    names(checks, path + ".expected_tunnels", events.expectedTunnels(), perDevice);
    names(checks, path + ".expected_peers", events.expectedPeers(), perDevice);
  }

  private static void names(
      ConfigChecks checks, String path, Optional<List<String>> given, boolean allowed) {
    if (given.isEmpty()) {
      return;
    }
    if (!allowed) {
      checks.problem(path, "only allowed under a device (devices[N].events)");
      return;
    }
    List<String> names = given.get();
    for (int i = 0; i < names.size(); i++) {
      if (ConfigChecks.blank(names.get(i))) {
        checks.problem(path + "[" + i + "]", "expected a non-empty name");
      }
    }
  }

  private static void atLeastOne(ConfigChecks checks, String path, Optional<Integer> value) {
    value
        .filter(v -> v < 1)
        .ifPresent(v -> checks.problem(path, "expected a whole number of at least 1, got " + v));
  }

  private static void boundedIfSet(
      ConfigChecks checks, String path, Optional<Duration> value, Duration max) {
    value.ifPresent(d -> checks.requireDuration(path, d, ConfigChecks.MIN_POSITIVE, max));
  }
}
