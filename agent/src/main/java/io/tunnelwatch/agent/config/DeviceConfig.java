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
 * @param ssh how to reach the device over SSH
 * @param events this device's event settings over the top-level ones
 */
public record DeviceConfig(
    String name,
    String host,
    String module,
    Duration interval,
    DeviceSshConfig ssh,
    EventsConfig events) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  public DeviceConfig {
    interval = Objects.requireNonNullElse(interval, DEFAULT_INTERVAL);
    events = Objects.requireNonNullElse(events, EventsConfig.NONE);
  }

  /** A device with the top-level event settings. */
  public DeviceConfig(
      String name, String host, String module, Duration interval, DeviceSshConfig ssh) {
    this(name, host, module, interval, ssh, EventsConfig.NONE);
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
}
