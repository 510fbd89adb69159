package io.tunnelwatch.agent.config;

import io.tunnelwatch.agent.events.TrackerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How events are judged (docs/events.md): at the top level for every device, under a device for
 * that device only. Every key is optional; an absent one falls back to the top level, then to the
 * built-in default.
 *
 * @param unreachableAfterPolls failed polls in a row before {@code device_unreachable}
 * @param negotiationFailurePolls polls in a row not established before a phase-1/phase-2 failure
 * @param trafficWindow how long counters must stand still for {@code counters_stalled} and {@code
 *     one_way_traffic}
 * @param stormWindow the window rekeys are counted in
 * @param stormRekeys rekeys in the window above which a storm opens
 * @param ikeLifetime the ISAKMP SA lifetime configured on the routers
 * @param ipsecLifetime the IPsec SA lifetime configured on the routers
 * @param cpuThreshold CPU ratio (0..1, one-minute average) that counts as high
 * @param cpuWindow how long the CPU must stay high for {@code high_cpu}
 * @param expectedTunnels per device only: tunnels that must be up (default: those seen)
 * @param expectedPeers per device only: IKE peers that must be established (default: those seen)
 */
public record EventsConfig(
    Integer unreachableAfterPolls,
    Integer negotiationFailurePolls,
    Duration trafficWindow,
    Duration stormWindow,
    Integer stormRekeys,
    Duration ikeLifetime,
    Duration ipsecLifetime,
    Double cpuThreshold,
    Duration cpuWindow,
    List<String> expectedTunnels,
    List<String> expectedPeers) {

  public static final EventsConfig NONE =
      new EventsConfig(null, null, null, null, null, null, null, null, null, null, null);

  public EventsConfig {
    expectedTunnels = expectedTunnels == null ? null : List.copyOf(expectedTunnels);
    expectedPeers = expectedPeers == null ? null : List.copyOf(expectedPeers);
  }

  /** The tracker settings for a device with these settings over the top-level ones. */
  public TrackerSettings settingsOver(EventsConfig top) {
    TrackerSettings d = TrackerSettings.DEFAULTS;
    return new TrackerSettings(
        pick(EventsConfig::unreachableAfterPolls, top, d.unreachableAfterPolls()),
        pick(EventsConfig::negotiationFailurePolls, top, d.negotiationFailurePolls()),
        pick(EventsConfig::trafficWindow, top, d.trafficWindow()),
        pick(EventsConfig::stormWindow, top, d.stormWindow()),
        pick(EventsConfig::stormRekeys, top, d.stormRekeys()),
        pick(EventsConfig::ikeLifetime, top, d.ikeLifetime()),
        pick(EventsConfig::ipsecLifetime, top, d.ipsecLifetime()),
        pick(EventsConfig::cpuThreshold, top, d.cpuThreshold()),
        pick(EventsConfig::cpuWindow, top, d.cpuWindow()),
        expectedTunnels == null ? Set.of() : Set.copyOf(expectedTunnels),
        expectedPeers == null ? Set.of() : Set.copyOf(expectedPeers));
  }

  private <T> T pick(Function<EventsConfig, T> key, EventsConfig top, T fallback) {
    return Objects.requireNonNullElse(
        key.apply(this), Objects.requireNonNullElse(key.apply(top), fallback));
  }
}
