package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One router to poll.
 *
 * @param name the {@code device} label; unique
 * @param host address or name to connect to
 * @param module name of the module that says what to collect
 * @param interval time between two polls of this device
 * @param ssh how to reach the device over SSH; absent when it is polled over SNMP only
 * @param snmp how to reach the device over SNMP; absent when it is polled over SSH only
 * @param events this device's event settings over the top-level ones
 */
public record DeviceConfig(
    String name,
    String host,
    String module,
    Duration interval,
    DeviceSshConfig ssh,
    DeviceSnmpConfig snmp,
    EventsConfig events) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  public DeviceConfig {
    interval = Objects.requireNonNullElse(interval, DEFAULT_INTERVAL);
    events = Objects.requireNonNullElse(events, EventsConfig.NONE);
  }

  /** A device polled over SSH only, with the top-level event settings. */
  public DeviceConfig(
      String name, String host, String module, Duration interval, DeviceSshConfig ssh) {
    this(name, host, module, interval, ssh, null, EventsConfig.NONE);
  }

  /** A device with the top-level event settings. */
  public DeviceConfig(
      String name,
      String host,
      String module,
      Duration interval,
      DeviceSshConfig ssh,
      DeviceSnmpConfig snmp) {
    this(name, host, module, interval, ssh, snmp, EventsConfig.NONE);
  }

  /**
   * @param port SSH port
   * @param auth name of the credentials in {@code auths}
   * @param knownHosts OpenSSH known_hosts file with the device's host key
   * @param trustOnFirstUse record an unknown host key instead of refusing it
   */
  public record DeviceSshConfig(
      Integer port, String auth, String knownHosts, Boolean trustOnFirstUse) {
    public DeviceSshConfig {
      port = Objects.requireNonNullElse(port, 22);
      trustOnFirstUse = Objects.requireNonNullElse(trustOnFirstUse, Boolean.FALSE);
    }
  }

  /**
   * @param port SNMP agent's UDP port
   * @param auth name of the credentials in {@code auths} (an entry with an {@code snmp} block)
   * @param host the SNMP agent's address when it is not the device's {@code host} (a separate
   *     management address); traps from it are the device's too
   */
  public record DeviceSnmpConfig(Integer port, String auth, String host) {
    public DeviceSnmpConfig {
      port = Objects.requireNonNullElse(port, 161);
    }

    public DeviceSnmpConfig(Integer port, String auth) {
      this(port, auth, null);
    }
  }
}
