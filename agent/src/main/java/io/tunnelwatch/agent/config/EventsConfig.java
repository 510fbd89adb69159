package io.tunnelwatch.agent.config;

import io.tunnelwatch.agent.events.TrackerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How events are judged (docs/events.md): at the top level for every device, under a device for
 * that device only. Every key is optional: an empty one falls back to the top level, then to the
 * built-in default ({@link #settingsOver}).
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
 * @param forgetAfter how long a tunnel, peer or flow may be absent before it is forgotten
 */
public record EventsConfig(
    Optional<Integer> unreachableAfterPolls,
    Optional<Integer> negotiationFailurePolls,
    Optional<Duration> trafficWindow,
    Optional<Duration> stormWindow,
    Optional<Integer> stormRekeys,
    Optional<Duration> ikeLifetime,
    Optional<Duration> ipsecLifetime,
    Optional<Double> cpuThreshold,
    Optional<Duration> cpuWindow,
    Optional<List<String>> expectedTunnels,
    Optional<List<String>> expectedPeers,
    Optional<Duration> forgetAfter) {

  /** No key given: everything from the top level or the defaults. */
  public static final EventsConfig NONE = builder().build();

  // The decoder passes null for a key the YAML leaves out.
  public EventsConfig {
    unreachableAfterPolls = orEmpty(unreachableAfterPolls);
    negotiationFailurePolls = orEmpty(negotiationFailurePolls);
    trafficWindow = orEmpty(trafficWindow);
    stormWindow = orEmpty(stormWindow);
    stormRekeys = orEmpty(stormRekeys);
    ikeLifetime = orEmpty(ikeLifetime);
    ipsecLifetime = orEmpty(ipsecLifetime);
    cpuThreshold = orEmpty(cpuThreshold);
    cpuWindow = orEmpty(cpuWindow);
    expectedTunnels = orEmpty(expectedTunnels).map(List::copyOf);
    expectedPeers = orEmpty(expectedPeers).map(List::copyOf);
    forgetAfter = orEmpty(forgetAfter);
  }

  public static Builder builder() {
    return new Builder();
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
        expectedTunnels.<Set<String>>map(Set::copyOf).orElse(Set.of()),
        expectedPeers.<Set<String>>map(Set::copyOf).orElse(Set.of()),
        pick(EventsConfig::forgetAfter, top, d.forgetAfter()));
  }

  private <T> T pick(Function<EventsConfig, Optional<T>> key, EventsConfig top, T fallback) {
    return key.apply(this).or(() -> key.apply(top)).orElse(fallback);
  }

  // Jackson passes null for a key the YAML leaves out; no component stays null.
  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return Objects.requireNonNullElse(value, Optional.empty());
  }

  /** Event settings key by key; a key not set stays empty. */
  public static final class Builder {
    private Optional<Integer> unreachableAfterPolls = Optional.empty();
    private Optional<Integer> negotiationFailurePolls = Optional.empty();
    private Optional<Duration> trafficWindow = Optional.empty();
    private Optional<Duration> stormWindow = Optional.empty();
    private Optional<Integer> stormRekeys = Optional.empty();
    private Optional<Duration> ikeLifetime = Optional.empty();
    private Optional<Duration> ipsecLifetime = Optional.empty();
    private Optional<Double> cpuThreshold = Optional.empty();
    private Optional<Duration> cpuWindow = Optional.empty();
    private Optional<List<String>> expectedTunnels = Optional.empty();
    private Optional<List<String>> expectedPeers = Optional.empty();
    private Optional<Duration> forgetAfter = Optional.empty();

    private Builder() {}

    public Builder unreachableAfterPolls(int polls) {
      unreachableAfterPolls = Optional.of(polls);
      return this;
    }

    public Builder negotiationFailurePolls(int polls) {
      negotiationFailurePolls = Optional.of(polls);
      return this;
    }

    public Builder trafficWindow(Duration window) {
      trafficWindow = Optional.of(window);
      return this;
    }

    public Builder stormWindow(Duration window) {
      stormWindow = Optional.of(window);
      return this;
    }

    public Builder stormRekeys(int rekeys) {
      stormRekeys = Optional.of(rekeys);
      return this;
    }

    public Builder ikeLifetime(Duration lifetime) {
      ikeLifetime = Optional.of(lifetime);
      return this;
    }

    public Builder ipsecLifetime(Duration lifetime) {
      ipsecLifetime = Optional.of(lifetime);
      return this;
    }

    public Builder cpuThreshold(double ratio) {
      cpuThreshold = Optional.of(ratio);
      return this;
    }

    public Builder cpuWindow(Duration window) {
      cpuWindow = Optional.of(window);
      return this;
    }

    public Builder expectedTunnels(List<String> names) {
      expectedTunnels = Optional.of(names);
      return this;
    }

    public Builder expectedPeers(List<String> names) {
      expectedPeers = Optional.of(names);
      return this;
    }

    public Builder forgetAfter(Duration age) {
      forgetAfter = Optional.of(age);
      return this;
    }

    public EventsConfig build() {
      return new EventsConfig(
          unreachableAfterPolls,
          negotiationFailurePolls,
          trafficWindow,
          stormWindow,
          stormRekeys,
          ikeLifetime,
          ipsecLifetime,
          cpuThreshold,
          cpuWindow,
          expectedTunnels,
          expectedPeers,
          forgetAfter);
    }
  }
}
