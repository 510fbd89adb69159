package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What to collect and how patiently.
 *
 * @param ssh SSH collection settings; defaults apply when absent
 * @param snmp SNMP collection settings; defaults apply when absent
 */
public record ModuleConfig(SshModuleConfig ssh, SnmpModuleConfig snmp) {

  /** Every setting at its default. */
  public static final ModuleConfig DEFAULTS = new ModuleConfig(null, null);

  public ModuleConfig {
    ssh = Objects.requireNonNullElse(ssh, SshModuleConfig.DEFAULTS);
    snmp = Objects.requireNonNullElse(snmp, SnmpModuleConfig.DEFAULTS);
  }

  /** SSH settings as given, SNMP at its defaults. */
  public static ModuleConfig ofSsh(SshModuleConfig ssh) {
    return new ModuleConfig(ssh, SnmpModuleConfig.DEFAULTS);
  }

  /**
   * @param commandTimeout bound on one show command
   * @param connectTimeout bound on connect, key exchange and login together
   * @param maxOutputBytes bound on what one command may print; a device that prints more is cut off
   *     and its poll fails ({@code output_too_large}). A poll holds up to about twice this in
   *     memory, so the agent's heap needs {@code polling.workers} times that for the worst case
   */
  public record SshModuleConfig(
      Duration commandTimeout, Duration connectTimeout, Integer maxOutputBytes) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Sized for a hub with 5,000 tunnels (~9 MB of {@code show crypto ipsec sa}) with room. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 << 20;

    public static final SshModuleConfig DEFAULTS = new SshModuleConfig(null, null, null);

    public SshModuleConfig {
      commandTimeout = Objects.requireNonNullElse(commandTimeout, DEFAULT_COMMAND_TIMEOUT);
      connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
      maxOutputBytes = Objects.requireNonNullElse(maxOutputBytes, DEFAULT_MAX_OUTPUT_BYTES);
    }
  }

  /**
   * @param timeout bound on one request (each retry gets its own)
   * @param retries extra attempts after a timeout
   * @param maxRepetitions rows asked for in one GETBULK
   * @param maxRowsPerWalk a table longer than this is cut and reported, never read forever
   * @param walkTimeout bound on one whole table walk
   */
  public record SnmpModuleConfig(
      Duration timeout,
      Integer retries,
      Integer maxRepetitions,
      Integer maxRowsPerWalk,
      Duration walkTimeout) {
    public static final SnmpModuleConfig DEFAULTS =
        new SnmpModuleConfig(null, null, null, null, null);

    public SnmpModuleConfig {
      timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(3));
      retries = Objects.requireNonNullElse(retries, 1);
      maxRepetitions = Objects.requireNonNullElse(maxRepetitions, 25);
      maxRowsPerWalk = Objects.requireNonNullElse(maxRowsPerWalk, 200_000);
      walkTimeout = Objects.requireNonNullElse(walkTimeout, Duration.ofSeconds(20));
    }
  }
}
