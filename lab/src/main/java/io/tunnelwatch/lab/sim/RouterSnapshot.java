package io.tunnelwatch.lab.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the CLI renders for one router, frozen at one instant. */
public record RouterSnapshot(
    RouterConfig config,
    Instant now,
    Duration uptime,
    CpuLoad cpu,
    List<InterfaceSnapshot> interfaces,
    CryptoSnapshot crypto) {

  public RouterSnapshot {
    interfaces = List.copyOf(interfaces);
  }

  public String hostname() {
    return config.hostname();
  }

  /** The interface with exactly this (full, canonical) name. */
  public Optional<InterfaceSnapshot> interfaceNamed(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
