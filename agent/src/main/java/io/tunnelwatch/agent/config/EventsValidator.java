package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@code events} block, top-level or under a device: every key given must be usable. */
final class EventsValidator {

  private EventsValidator() {}

  /**
   * @param perDevice whether the block is a device's, the only place expected tunnels and peers are
   *     allowed
   */
  static void validate(ConfigChecks checks, String path, EventsConfig events, boolean perDevice) {
    atLeastOne(checks, path + ".unreachable_after_polls", events.unreachableAfterPolls());
    atLeastOne(checks, path + ".negotiation_failure_polls", events.negotiationFailurePolls());
    atLeastOne(checks, path + ".storm_rekeys", events.stormRekeys());
    positiveIfSet(checks, path + ".traffic_window", events.trafficWindow());
    positiveIfSet(checks, path + ".storm_window", events.stormWindow());
    positiveIfSet(checks, path + ".ike_lifetime", events.ikeLifetime());
    positiveIfSet(checks, path + ".ipsec_lifetime", events.ipsecLifetime());
    positiveIfSet(checks, path + ".cpu_window", events.cpuWindow());
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

  private static void positiveIfSet(ConfigChecks checks, String path, Optional<Duration> value) {
    value.ifPresent(d -> checks.requirePositive(path, d));
  }
}
