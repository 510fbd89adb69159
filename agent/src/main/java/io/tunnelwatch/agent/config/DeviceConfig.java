package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One router to poll.
 *
 * @param name the {@code device} label; unique
 * @param host address or name to connect to
 * @param module name of the module that says what to collect
 * @param interval time between two polls of this device
 * @param ssh how to reach the device over SSH; empty when it is polled over SNMP only
 * @param snmp how to reach the device over SNMP; empty when it is polled over SSH only
 * @param events this device's event settings over the top-level ones
 */
public record DeviceConfig(
    String name,
    String host,
    String module,
    Duration interval,
    Optional<DeviceSshConfig> ssh,
    Optional<DeviceSnmpConfig> snmp,
    EventsConfig events) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  // Jackson passes null for a key the YAML leaves out: empty or the default, resolved here.
  public DeviceConfig {
    interval = Objects.requireNonNullElse(interval, DEFAULT_INTERVAL);
    ssh = Objects.requireNonNullElse(ssh, Optional.empty());
    snmp = Objects.requireNonNullElse(snmp, Optional.empty());
    events = Objects.requireNonNullElse(events, EventsConfig.NONE);
  }

  /** A device polled over SSH only, with the top-level event settings. */
  public DeviceConfig(
      String name, String host, String module, Duration interval, DeviceSshConfig ssh) {
    this(name, host, module, interval, Optional.of(ssh), Optional.empty(), EventsConfig.NONE);
  }

  /** The same device, polled over SNMP as well (or instead, when it has no SSH face). */
  public DeviceConfig withSnmp(DeviceSnmpConfig newSnmp) {
    return new DeviceConfig(name, host, module, interval, ssh, Optional.of(newSnmp), events);
  }

  /** The same device with other SSH settings (PathResolver makes the known_hosts path absolute). */
  DeviceConfig withSsh(Optional<DeviceSshConfig> newSsh) {
    return new DeviceConfig(name, host, module, interval, newSsh, snmp, events);
  }

  /**
   * @param port SSH port
   * @param auth name of the credentials in {@code auths}
   * @param knownHosts OpenSSH known_hosts file with the device's host key
   * @param trustOnFirstUse record an unknown host key instead of refusing it
   */
  public record DeviceSshConfig(
      Integer port, String auth, String knownHosts, Boolean trustOnFirstUse) {
    public static final int DEFAULT_PORT = 22;

    // Jackson passes null for a key the YAML leaves out: the defaults, resolved here.
    public DeviceSshConfig {
      port = Objects.requireNonNullElse(port, DEFAULT_PORT);
      trustOnFirstUse = Objects.requireNonNullElse(trustOnFirstUse, Boolean.FALSE);
    }
  }

  /**
   * @param port SNMP agent's UDP port
   * @param auth name of the credentials in {@code auths} (an entry with an {@code snmp} block)
   * @param host the SNMP agent's address when it is not the device's {@code host} (a separate
   *     management address); traps from it are the device's too
   */
  public record DeviceSnmpConfig(Integer port, String auth, Optional<String> host) {
    public static final int DEFAULT_PORT = 161;

    // Jackson passes null for a key the YAML leaves out: empty or the default, resolved here.
    public DeviceSnmpConfig {
      port = Objects.requireNonNullElse(port, DEFAULT_PORT);
      host = Objects.requireNonNullElse(host, Optional.empty());
    }

    /** At the device's own address. */
    public DeviceSnmpConfig(Integer port, String auth) {
      this(port, auth, Optional.empty());
    }

    /** At a management address of its own. */
    public DeviceSnmpConfig(Integer port, String auth, String host) {
      this(port, auth, Optional.of(host));
    }
  }
}
