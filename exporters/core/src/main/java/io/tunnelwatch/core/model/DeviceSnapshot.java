package io.tunnelwatch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one poll learned about one device, normalised so that every source (SSH today, SNMP
 * later) feeds the same metric families.
 *
 * @param device the configured device name, the {@code device} label
 * @param source which transport produced it
 * @param collectedAt when the poll finished
 * @param tunnels tunnel interfaces (GRE or IPsec virtual tunnel interfaces)
 * @param ikeSas IKE (phase 1) SAs, one per peer
 * @param ipsecFlows IPsec (phase 2) SA bundles, one per peer and traffic-selector pair
 * @param cpu CPU load, absent when the source could not read it
 * @param uptime time since the device booted ({@code sysUpTime}), absent when the source lacks it
 * @param failureCounters the device's own phase-1 / phase-2 failure counters
 * @param failures the failure records the device still holds (SNMP's fail tables)
 */
public record DeviceSnapshot(
    String device,
    Source source,
    Instant collectedAt,
    List<TunnelInterface> tunnels,
    List<IkeSa> ikeSas,
    List<IpsecFlow> ipsecFlows,
    Optional<CpuLoad> cpu,
    Optional<Duration> uptime,
    FailureCounters failureCounters,
    List<SaFailure> failures) {

  public DeviceSnapshot {
    tunnels = List.copyOf(tunnels);
    ikeSas = List.copyOf(ikeSas);
    ipsecFlows = List.copyOf(ipsecFlows);
    failures = List.copyOf(failures);
  }

  /** The same data stamped at {@code at}. */
  public DeviceSnapshot withCollectedAt(Instant at) {
    return new DeviceSnapshot(
        device, source, at, tunnels, ikeSas, ipsecFlows, cpu, uptime, failureCounters, failures);
  }

  /** A snapshot from a source that reads neither uptime nor failure records (the CLI today). */
  public DeviceSnapshot(
      String device,
      Source source,
      Instant collectedAt,
      List<TunnelInterface> tunnels,
      List<IkeSa> ikeSas,
      List<IpsecFlow> ipsecFlows,
      Optional<CpuLoad> cpu) {
    this(
        device,
        source,
        collectedAt,
        tunnels,
        ikeSas,
        ipsecFlows,
        cpu,
        Optional.empty(),
        FailureCounters.NONE,
        List.of());
  }
}
