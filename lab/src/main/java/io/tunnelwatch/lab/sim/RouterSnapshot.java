package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.events.FailureRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the faces render for one router, frozen at one instant.
 *
 * @param crypto the session of the first tunnel (the only one on the reference routers)
 * @param sessions the crypto session of every tunnel, in the order of the configuration's tunnels;
 *     the first is {@code crypto}
 * @param bootTime when the router last booted ({@code now - uptime})
 * @param failures failed-negotiation counters since boot, over all tunnels
 * @param phase1Failures the last phase-1 failure records ({@code cikeFailTable}), oldest first
 * @param phase2Failures the last phase-2 failure records ({@code cipSecFailTable}), oldest first
 * @param activeFaults faults injected on this router and still active
 * @param paths what each tunnel lets through, in the order of the configuration's tunnels
 */
public record RouterSnapshot(
    RouterConfig config,
    Instant now,
    Duration uptime,
    CpuLoad cpu,
    List<InterfaceSnapshot> interfaces,
    CryptoSnapshot crypto,
    List<CryptoSnapshot> sessions,
    Instant bootTime,
    FailureCounters failures,
    List<FailureRecord> phase1Failures,
    List<FailureRecord> phase2Failures,
    Set<Fault> activeFaults,
    List<TunnelPath> paths) {

  public RouterSnapshot {
    interfaces = List.copyOf(interfaces);
    sessions = List.copyOf(sessions);
    if (sessions.isEmpty() || !sessions.get(0).equals(crypto)) {
      throw new IllegalArgumentException("sessions must start with crypto");
    }
    phase1Failures = List.copyOf(phase1Failures);
    phase2Failures = List.copyOf(phase2Failures);
    activeFaults = Set.copyOf(activeFaults);
    paths = List.copyOf(paths);
  }

  public String hostname() {
    return config.hostname();
  }

  /** The interface with exactly this (full, canonical) name. */
  public Optional<InterfaceSnapshot> interfaceNamed(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
