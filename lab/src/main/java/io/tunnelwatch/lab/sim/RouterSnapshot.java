package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the CLI renders for one router, frozen at one instant.
 *
 * @param crypto the session of the first tunnel (the only one on the reference routers)
 * @param sessions the crypto session of every tunnel, in the order of the configuration's tunnels;
 *     the first is {@code crypto}
 */
public record RouterSnapshot(
    RouterConfig config,
    Instant now,
    Duration uptime,
    CpuLoad cpu,
    List<InterfaceSnapshot> interfaces,
    CryptoSnapshot crypto,
    List<CryptoSnapshot> sessions) {

  public RouterSnapshot {
    interfaces = List.copyOf(interfaces);
    sessions = List.copyOf(sessions);
    if (sessions.isEmpty() || !sessions.get(0).equals(crypto)) {
      throw new IllegalArgumentException("sessions must start with crypto");
    }
  }

  /** A single-tunnel router's snapshot. */
  public RouterSnapshot(
      RouterConfig config,
      Instant now,
      Duration uptime,
      CpuLoad cpu,
      List<InterfaceSnapshot> interfaces,
      CryptoSnapshot crypto) {
    this(config, now, uptime, cpu, interfaces, crypto, List.of(crypto));
  }

  public String hostname() {
    return config.hostname();
  }

  /** The interface with exactly this (full, canonical) name. */
  public Optional<InterfaceSnapshot> interfaceNamed(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
